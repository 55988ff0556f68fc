package io.forestall.triggers.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import io.forestall.platform.security.CurrentSession;
import io.forestall.triggers.ComplaintScore;
import io.forestall.triggers.ComplaintScoring;
import io.forestall.triggers.ComplaintSettings;
import io.forestall.triggers.ComplaintWeights;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Backs settings/complaints.xhtml: the tenant's complaint scoring weights and teams, with a sample
 * complaint scored by the weights on the form before they are saved.
 */
@Named
@ViewScoped
public class ComplaintWeightsView implements Serializable {

  @Inject ComplaintSettings settings;
  @Inject CurrentSession session;

  private int perAttachment;
  private int attachmentsMax;
  private int longText;
  private int timing;
  private int money;
  private int device;
  private String skilledTeam;
  private String frontlineTeam;

  private String sampleText = "";
  private int sampleAttachments;
  private String sampleDevice = "mobile";
  private LocalDateTime sampleAt;
  private int averageLength = 200;
  private int complexAt = 50;
  private ComplaintScore sampleScore;

  public void load() {
    ComplaintWeights w = settings.get();
    perAttachment = w.perAttachment();
    attachmentsMax = w.attachmentsMax();
    longText = w.longText();
    timing = w.timing();
    money = w.money();
    device = w.device();
    skilledTeam = w.skilledTeam();
    frontlineTeam = w.frontlineTeam();
    sampleAt = LocalDateTime.now(session.zone());
  }

  public void save() {
    try {
      settings.save(weights());
      Messages.info("complaints.saved");
    } catch (ViolationException e) {
      FormErrors.show("weights", e.violations(), "complaints.");
    }
  }

  /** Scores the sample with the weights as they stand on the form. */
  public void scoreSample() {
    ComplaintWeights weights = weights();
    List<Violation> violations = ComplaintSettings.check(weights);
    if (!violations.isEmpty()) {
      FormErrors.show("weights", violations, "complaints.");
      return;
    }
    sampleScore =
        new ComplaintScoring(weights, session.zone())
            .score(
                JSON.createObjectBuilder()
                    .add("text", sampleText == null ? "" : sampleText)
                    .add("attachments", sampleAttachments)
                    .add("device", sampleDevice == null ? "" : sampleDevice)
                    .build(),
                sampleAt.atZone(session.zone()).toInstant(),
                BigDecimal.valueOf(Math.max(1, averageLength)),
                complexAt);
  }

  private ComplaintWeights weights() {
    return new ComplaintWeights(
        perAttachment, attachmentsMax, longText, timing, money, device, skilledTeam, frontlineTeam);
  }

  public int getPerAttachment() {
    return perAttachment;
  }

  public void setPerAttachment(int perAttachment) {
    this.perAttachment = perAttachment;
  }

  public int getAttachmentsMax() {
    return attachmentsMax;
  }

  public void setAttachmentsMax(int attachmentsMax) {
    this.attachmentsMax = attachmentsMax;
  }

  public int getLongText() {
    return longText;
  }

  public void setLongText(int longText) {
    this.longText = longText;
  }

  public int getTiming() {
    return timing;
  }

  public void setTiming(int timing) {
    this.timing = timing;
  }

  public int getMoney() {
    return money;
  }

  public void setMoney(int money) {
    this.money = money;
  }

  public int getDevice() {
    return device;
  }

  public void setDevice(int device) {
    this.device = device;
  }

  public String getSkilledTeam() {
    return skilledTeam;
  }

  public void setSkilledTeam(String skilledTeam) {
    this.skilledTeam = skilledTeam;
  }

  public String getFrontlineTeam() {
    return frontlineTeam;
  }

  public void setFrontlineTeam(String frontlineTeam) {
    this.frontlineTeam = frontlineTeam;
  }

  public String getSampleText() {
    return sampleText;
  }

  public void setSampleText(String sampleText) {
    this.sampleText = sampleText;
  }

  public int getSampleAttachments() {
    return sampleAttachments;
  }

  public void setSampleAttachments(int sampleAttachments) {
    this.sampleAttachments = sampleAttachments;
  }

  public String getSampleDevice() {
    return sampleDevice;
  }

  public void setSampleDevice(String sampleDevice) {
    this.sampleDevice = sampleDevice;
  }

  public LocalDateTime getSampleAt() {
    return sampleAt;
  }

  public void setSampleAt(LocalDateTime sampleAt) {
    this.sampleAt = sampleAt;
  }

  public int getAverageLength() {
    return averageLength;
  }

  public void setAverageLength(int averageLength) {
    this.averageLength = averageLength;
  }

  public int getComplexAt() {
    return complexAt;
  }

  public void setComplexAt(int complexAt) {
    this.complexAt = complexAt;
  }

  public ComplaintScore getSampleScore() {
    return sampleScore;
  }
}
