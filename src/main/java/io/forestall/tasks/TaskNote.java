package io.forestall.tasks;

import io.forestall.kernel.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** What an agent wrote on a task: who, when, and the text. */
@Entity
@Table(name = "task_note")
public class TaskNote extends TenantOwnedEntity {

  @Column(name = "task_id", nullable = false, updatable = false)
  private Long taskId;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, updatable = false)
  private String author;

  @Column(name = "author_name", nullable = false, updatable = false)
  private String authorName;

  @Column(name = "body", nullable = false, updatable = false)
  private String text;

  protected TaskNote() {}

  TaskNote(long taskId, Instant at, String author, String authorName, String text) {
    this.taskId = taskId;
    this.at = at;
    this.author = author;
    this.authorName = authorName;
    this.text = text;
  }

  public Long getTaskId() {
    return taskId;
  }

  public Instant getAt() {
    return at;
  }

  /** The author's username. */
  public String getAuthor() {
    return author;
  }

  public String getAuthorName() {
    return authorName;
  }

  public String getText() {
    return text;
  }
}
