package io.forestall.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class JsonInputTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void readsTypedFieldsAndTreatsNullAsAbsent() {
    JsonInput in =
        JsonInput.of(json("{\"s\":\"x\",\"b\":true,\"n\":1.5,\"o\":{\"k\":1},\"z\":null}"));
    assertEquals("x", in.string("s"));
    assertEquals(Boolean.TRUE, in.bool("b"));
    assertEquals(new BigDecimal("1.5"), in.number("n"));
    assertEquals(1, in.object("o").getInt("k"));
    assertNull(in.string("z"));
    assertNull(in.string("missing"));
    in.finish();
  }

  @Test
  void collectsEveryProblemWithItsPointer() {
    JsonInput in =
        JsonInput.of(
                json(
                    "{\"s\":1,\"b\":\"yes\",\"n\":\"1\",\"o\":[],\"extra\":0,\"c\":{\"x\":\"y\"}}"))
            .allowOnly(Set.of("s", "b", "n", "o", "c"));
    in.string("s");
    in.bool("b");
    in.number("n");
    in.object("o");
    in.nested("c").allowOnly(Set.of("y"));
    InvalidInputException failure = assertThrows(InvalidInputException.class, in::finish);
    assertEquals(
        Set.of("/extra", "/s", "/b", "/n", "/o", "/c/x"),
        failure.errors().stream()
            .map(ProblemJson.FieldError::pointer)
            .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void refusesBodiesThatAreNotObjects() {
    assertThrows(InvalidInputException.class, () -> JsonInput.of(json("[1]")));
    assertThrows(InvalidInputException.class, () -> JsonInput.of(null));
  }

  @Test
  @Tag("security")
  void refusesBodiesNestedDeeperThanTheLimit() {
    String deepest = "[".repeat(JsonInput.MAX_DEPTH) + "]".repeat(JsonInput.MAX_DEPTH);
    assertEquals(JsonValue.ValueType.ARRAY, parse(deepest).getValueType());
    InvalidInputException tooDeep =
        assertThrows(
            InvalidInputException.class,
            () -> parse("{\"a\":" + deepest + "}"),
            "one level more than the limit");
    assertTrue(tooDeep.getMessage().contains("levels deep"), tooDeep.getMessage());
    assertThrows(InvalidInputException.class, () -> parse("[".repeat(100_000)));
    assertEquals(
        json("{\"a\":[1,\"x\",true,null,{\"b\":2.50}],\"c\":{}}"),
        parse("{\"a\":[1,\"x\",true,null,{\"b\":2.50}],\"c\":{}}"),
        "the same value as a plain reader builds");
    assertThrows(InvalidInputException.class, () -> parse("{\"a\":[1,2}"));
    assertThrows(InvalidInputException.class, () -> parse("[1]]"));
  }

  private static JsonValue parse(String text) {
    return JsonInput.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
