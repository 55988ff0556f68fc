package io.forestall.outreach;

import io.forestall.kernel.Channel;
import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message of a case on one channel, as the outbox keeps it: queued, being sent, sent, skipped
 * (with why) or dead after its retries; then opened, clicked and answered on the action page.
 * Written with SQL by the outbox; read here.
 */
@Entity
@Table(name = "outreach_message")
public class OutreachMessage extends TenantOwnedEntity {

  @Column(name = "case_id", insertable = false, updatable = false)
  private Long caseId;

  @Column(name = "customer_id", insertable = false, updatable = false)
  private Long customerId;

  @Enumerated(EnumType.STRING)
  @Column(insertable = false, updatable = false)
  private Channel channel;

  @Column(name = "template_id", insertable = false, updatable = false)
  private Long templateId;

  @Column(name = "template_version", insertable = false, updatable = false)
  private int templateVersion;

  @Column(insertable = false, updatable = false)
  private String state;

  @Column(insertable = false, updatable = false)
  private int attempts;

  @Column(name = "next_attempt_at", insertable = false, updatable = false)
  private Instant nextAttemptAt;

  @Column(insertable = false, updatable = false)
  private String recipient;

  @Column(insertable = false, updatable = false)
  private String subject;

  @Column(insertable = false, updatable = false)
  private String reason;

  @Column(name = "sent_at", insertable = false, updatable = false)
  private Instant sentAt;

  @Column(name = "provider_message_id", insertable = false, updatable = false)
  private String providerMessageId;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Column(name = "opened_at", insertable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "clicked_at", insertable = false, updatable = false)
  private Instant clickedAt;

  @Column(name = "answer", insertable = false, updatable = false)
  private String answer;

  @Column(name = "answer_detail", insertable = false, updatable = false)
  private String answerDetail;

  @Column(name = "answered_at", insertable = false, updatable = false)
  private Instant answeredAt;

  @Column(name = "csat", insertable = false, updatable = false)
  private Integer csat;

  @Column(name = "opted_out_at", insertable = false, updatable = false)
  private Instant optedOutAt;

  protected OutreachMessage() {}

  public Long getCaseId() {
    return caseId;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public Channel getChannel() {
    return channel;
  }

  public Long getTemplateId() {
    return templateId;
  }

  public int getTemplateVersion() {
    return templateVersion;
  }

  public String getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getReason() {
    return reason;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  /** The provider's id for the sent message, when it gave one. */
  public String getProviderMessageId() {
    return providerMessageId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClickedAt() {
    return clickedAt;
  }

  public String getAnswer() {
    return answer;
  }

  public String getAnswerDetail() {
    return answerDetail;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Integer getCsat() {
    return csat;
  }

  public Instant getOptedOutAt() {
    return optedOutAt;
  }
}
