package io.forestall.outreach.web;

import io.forestall.kernel.ViolationException;
import io.forestall.outreach.ChannelSettings;
import io.forestall.outreach.ChannelSettings.TokenChange;
import io.forestall.outreach.ChannelSettingsService;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs settings/channels.xhtml: the email sender and the SMS provider. The token is never shown:
 * the form says whether one is set, and a new one typed in replaces it.
 */
@Named
@ViewScoped
public class ChannelSettingsView implements Serializable {

  @Inject ChannelSettingsService settings;

  private String emailSenderName;
  private String emailFromAddress;
  private String emailReplyTo;
  private boolean smsEnabled;
  private String smsProviderUrl;
  private String smsSenderId;
  private boolean smsAuthTokenSet;
  private String smsAuthToken;
  private boolean clearToken;

  public void load() {
    show(settings.get());
  }

  public void save() {
    TokenChange token;
    if (smsAuthToken != null && !smsAuthToken.isBlank()) {
      token = TokenChange.replace(smsAuthToken);
    } else if (clearToken) {
      token = TokenChange.clear();
    } else {
      token = TokenChange.keep();
    }
    try {
      show(
          settings.save(
              new ChannelSettings(
                  emailSenderName,
                  emailFromAddress,
                  emailReplyTo,
                  smsEnabled,
                  smsProviderUrl,
                  smsSenderId,
                  false),
              token));
      Messages.info("channels.saved");
    } catch (ViolationException e) {
      FormErrors.show("channels", e.violations(), "channels.");
    }
  }

  private void show(ChannelSettings s) {
    emailSenderName = s.emailSenderName();
    emailFromAddress = s.emailFromAddress();
    emailReplyTo = s.emailReplyTo();
    smsEnabled = s.smsEnabled();
    smsProviderUrl = s.smsProviderUrl();
    smsSenderId = s.smsSenderId();
    smsAuthTokenSet = s.smsAuthTokenSet();
    smsAuthToken = null;
    clearToken = false;
  }

  public String getEmailSenderName() {
    return emailSenderName;
  }

  public void setEmailSenderName(String emailSenderName) {
    this.emailSenderName = emailSenderName;
  }

  public String getEmailFromAddress() {
    return emailFromAddress;
  }

  public void setEmailFromAddress(String emailFromAddress) {
    this.emailFromAddress = emailFromAddress;
  }

  public String getEmailReplyTo() {
    return emailReplyTo;
  }

  public void setEmailReplyTo(String emailReplyTo) {
    this.emailReplyTo = emailReplyTo;
  }

  public boolean isSmsEnabled() {
    return smsEnabled;
  }

  public void setSmsEnabled(boolean smsEnabled) {
    this.smsEnabled = smsEnabled;
  }

  public String getSmsProviderUrl() {
    return smsProviderUrl;
  }

  public void setSmsProviderUrl(String smsProviderUrl) {
    this.smsProviderUrl = smsProviderUrl;
  }

  public String getSmsSenderId() {
    return smsSenderId;
  }

  public void setSmsSenderId(String smsSenderId) {
    this.smsSenderId = smsSenderId;
  }

  public boolean isSmsAuthTokenSet() {
    return smsAuthTokenSet;
  }

  /** A new token typed in; the stored one is never sent to the browser. */
  public String getSmsAuthToken() {
    return smsAuthToken;
  }

  public void setSmsAuthToken(String smsAuthToken) {
    this.smsAuthToken = smsAuthToken;
  }

  public boolean isClearToken() {
    return clearToken;
  }

  public void setClearToken(boolean clearToken) {
    this.clearToken = clearToken;
  }
}
