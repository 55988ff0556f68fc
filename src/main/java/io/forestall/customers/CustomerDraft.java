package io.forestall.customers;

import io.forestall.kernel.ValidTimeZone;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer as a form or an API client describes it. Null fields mean "leave as is", so the same
 * draft serves creation, editing and the API's upsert.
 */
public record CustomerDraft(
    @NotBlank(message = "{customer.externalId.required}")
        @Size(max = 128)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]*", message = "{customer.externalId.invalid}")
        String externalId,
    @Size(max = 200) String name,
    @Email(message = "{customer.email.invalid}") @Size(max = 254) String email,
    @Pattern(regexp = "|\\+[1-9][0-9]{6,14}", message = "{customer.phone.invalid}") String phone,
    @Pattern(regexp = "|[a-z]{2,3}(-[A-Z]{2})?", message = "{customer.locale.invalid}")
        String locale,
    @ValidTimeZone String timeZone,
    JsonObject attributes,
    Boolean consentEmail,
    Boolean consentSms) {

  /** The longest attributes object we store, as JSON text. */
  public static final int MAX_ATTRIBUTES_LENGTH = 8000;

  /** At most 50 attributes, 8000 characters in all. */
  @AssertTrue(message = "{customer.attributes.tooLarge}")
  public boolean isAttributesSizeValid() {
    return attributes == null
        || (attributes.size() <= 50 && attributes.toString().length() <= MAX_ATTRIBUTES_LENGTH);
  }
}
