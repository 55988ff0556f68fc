package io.forestall.tenants;

import io.forestall.kernel.ValidTimeZone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A platform admin's request for a new tenant and its first admin user. */
public record NewTenant(
    @NotBlank
        @Size(min = 2, max = 63)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{tenant.slug.invalid}")
        String slug,
    @NotBlank @Size(max = 120) String name,
    @NotBlank @ValidTimeZone String timeZone,
    @NotBlank @Pattern(regexp = "en|de", message = "{tenant.locale.invalid}") String locale,
    @NotBlank
        @Size(min = 3, max = 60)
        @Pattern(regexp = "[a-z0-9._-]+", message = "{tenant.admin.invalid}")
        String adminUsername,
    @NotBlank @Email String adminEmail) {}
