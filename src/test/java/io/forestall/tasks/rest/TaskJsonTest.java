package io.forestall.tasks.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.platform.rest.InvalidInputException;
import io.forestall.platform.rest.JsonInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Opening a task reads its body strictly: a due time either from now or absolute, never both. */
class TaskJsonTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private static TaskJson.Opening read(String json) {
    return TaskJson.opening(
        JsonInput.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))), NOW);
  }

  private static String pointers(String json) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json));
    return e.errors().toString();
  }

  @Test
  void dueTimesAreRelativeOrAbsolute() {
    TaskJson.Opening relative =
        read("{\"caseId\":7,\"kind\":\"FAILED_SEND\",\"team\":\"Care\",\"dueIn\":\"PT15M\"}");
    assertEquals(7, relative.caseId());
    assertEquals(NOW.plus(Duration.ofMinutes(15)), relative.due());
    assertEquals(3, relative.priority(), "a middling priority unless told");
    TaskJson.Opening absolute =
        read(
            "{\"caseId\":7,\"kind\":\"FAILED_SEND\",\"team\":\"Care\",\"priority\":1,"
                + "\"dueAt\":\"2026-03-02T09:00:00Z\"}");
    assertEquals(Instant.parse("2026-03-02T09:00:00Z"), absolute.due());
    assertEquals(1, absolute.priority());
  }

  @Test
  void everyWrongFieldIsNamed() {
    String errors =
        pointers(
            "{\"kind\":\"FAILED_SEND\",\"team\":\"Care\",\"priority\":1.5,\"dueIn\":\"soon\","
                + "\"colour\":\"red\"}");
    for (String pointer : new String[] {"/caseId", "/priority", "/dueIn", "/colour"}) {
      assertTrue(errors.contains(pointer), pointer + " in " + errors);
    }
    assertTrue(
        pointers("{\"caseId\":7,\"dueIn\":\"PT1M\",\"dueAt\":\"2026-03-02T09:00:00Z\"}")
            .contains("/dueIn"));
    assertTrue(pointers("{\"caseId\":7,\"dueAt\":\"tomorrow\"}").contains("/dueAt"));
  }
}
