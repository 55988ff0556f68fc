package io.forestall.tenants;

import io.forestall.kernel.ValidTimeZone;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a tenant admin may change about their own tenant. */
public record TenantSettings(
    @NotBlank(message = "{tenant.name.required}") @Size(max = 120) String name,
    @NotBlank @ValidTimeZone String timeZone,
    @NotBlank @Pattern(regexp = "en|de", message = "{tenant.locale.invalid}") String locale,
    @NotBlank @Pattern(regexp = "forestall|saga-blue", message = "{tenant.theme.invalid}")
        String theme,
    @Min(value = 7, message = "{tenant.retention.invalid}")
        @Max(value = 3650, message = "{tenant.retention.invalid}")
        int eventRetentionDays) {}
