package dev.strata.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.strata.model.MessageType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class MessagePreparationTest {
    private static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Prepared single(String json, Call call) throws Exception {
        byte[] body = utf8(json);
        return MessagePreparation.prepare(body, BodyScanner.single(body), call, NOW);
    }

    @Test
    void aSingleCallGetsTheTypeItsEndpointImpliesAndAMessageIdButKeepsEverythingElseAsSent() throws Exception {
        Prepared p = single("{\"userId\":\"u1\",\"traits\":{\"age\":40},\"timestamp\":\"2026-01-02T03:04:05Z\"}", Call.IDENTIFY);
        assertThat(p.message().type()).isEqualTo(MessageType.IDENTIFY);
        assertThat(p.pending().userKey()).isEqualTo("u1");
        assertThat(p.pending().messageId()).startsWith("strata-");
        assertThat(p.pending().timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
        assertThat(p.pending().json())
                .startsWith("{\"type\":\"identify\",\"messageId\":\"" + p.pending().messageId() + "\",")
                .endsWith(",\"userId\":\"u1\",\"traits\":{\"age\":40},\"timestamp\":\"2026-01-02T03:04:05Z\"}")
                .doesNotContain("receivedAt");
    }

    @Test
    void aMessageWithoutAnyInstantIsStampedWithReceivedAtSoAReplayReadsTheSameTime() throws Exception {
        Prepared p = single("{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"App Open\",\"messageId\":\"m1\"}", Call.TRACK);
        assertThat(p.pending().timestamp()).isEqualTo(NOW);
        assertThat(p.pending().json()).contains("\"receivedAt\":\"2026-03-01T12:00:00Z\"");
        assertThat(p.pending().messageId()).isEqualTo("m1");
    }

    @Test
    void aMessageSentAsIsWhenNothingIsMissing() throws Exception {
        String json = "{\"type\":\"track\", \"userId\":\"ü\",\"event\":\"E\",\"messageId\":\"m\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        assertThat(single(json, Call.TRACK).pending().json()).isEqualTo(json);
    }

    @Test
    void aTypeThatContradictsTheEndpointIsRefused() {
        assertThatThrownBy(() -> single("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}", Call.IDENTIFY))
                .isInstanceOf(MessagePreparation.Refused.class)
                .hasMessageContaining("/v1/identify");
    }

    @Test
    void validationReasonsComeFromTheMessageParser() {
        assertThatThrownBy(() -> single("{\"event\":\"E\"}", Call.TRACK))
                .isInstanceOf(MessagePreparation.Refused.class)
                .hasMessageContaining("neither \"userId\" nor \"anonymousId\"");
        assertThatThrownBy(() -> single("{\"userId\":\"u\"}", Call.TRACK))
                .hasMessageContaining("without \"event\"");
        assertThatThrownBy(() -> single("{\"userId\":\"u\",\"timestamp\":\"yesterday\"}", Call.IDENTIFY))
                .hasMessageContaining("timestamp");
    }

    @Test
    void hugeOrControlCharacterIdsAreRefusedBeforeTheyReachTheStore() {
        String longId = "x".repeat(MessagePreparation.MAX_ID_LENGTH + 1);
        assertThatThrownBy(() -> single("{\"userId\":\"" + longId + "\"}", Call.IDENTIFY))
                .hasMessageContaining("\"userId\" is 513 characters long");
        assertThatThrownBy(() -> single("{\"userId\":\"a\\u0000b\"}", Call.IDENTIFY))
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> single("{\"userId\":\"u\",\"messageId\":\"m\\nx\"}", Call.IDENTIFY))
                .hasMessageContaining("\"messageId\" contains a control character");
        assertThatThrownBy(() -> single("{\"userId\":\"a\\ud800b\"}", Call.IDENTIFY)).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> single("{\"userId\":\"a\\udc00\"}", Call.IDENTIFY)).hasMessageContaining("unpaired surrogate");
        assertThat(assertDoesNotThrow(() -> single("{\"userId\":\"a\\ud83d\\ude00\"}", Call.IDENTIFY)).pending().userKey())
                .isEqualTo("a\uD83D\uDE00");
    }

    @Test
    void callsTheEngineIgnoresAreStoredUnderTheirUserWithoutAModelMessage() throws Exception {
        Prepared page = single("{\"anonymousId\":\"anon-1\",\"name\":\"Home\",\"timestamp\":\"2026-01-01T00:00:00Z\"}", Call.PAGE);
        assertThat(page.message()).isNull();
        assertThat(page.pending().userKey()).isEqualTo("anon-1");
        assertThat(page.pending().type()).isEqualTo("page");
        assertThat(page.pending().timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        Prepared alias = single("{\"previousId\":\"anon-1\",\"userId\":\"u-1\"}", Call.ALIAS);
        assertThat(alias.pending().userKey()).isEqualTo("u-1");
        assertThatThrownBy(() -> single("{\"name\":\"Home\"}", Call.PAGE)).hasMessageContaining("neither");
    }

    @Test
    void batchElementsAreFoundAtTheirExactBytesAndNonObjectsAreReportedByIndex() throws Exception {
        String a = "{\"type\":\"identify\",\"userId\":\"é-1\",\"messageId\":\"a\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        String b = "{\"type\":\"track\",\"userId\":\"u2\",\"event\":\"E\",\"properties\":{\"n\":[1,{\"x\":\"}\"}]},\"messageId\":\"b\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        byte[] body = utf8("{\"sentAt\":\"x\",\n \"batch\": [ " + a + ", 42, \n" + b + ", \"s\"], \"context\":{}}");
        BodyScanner.Scan scan = BodyScanner.batch(body);
        assertThat(scan.messages()).hasSize(2);
        assertThat(scan.messages().get(0).index()).isZero();
        assertThat(scan.messages().get(1).index()).isEqualTo(2);
        assertThat(MessagePreparation.prepare(body, scan.messages().get(0), null, NOW).pending().json()).isEqualTo(a);
        assertThat(MessagePreparation.prepare(body, scan.messages().get(1), null, NOW).pending().json()).isEqualTo(b);
        assertThat(scan.notObjects()).extracting(IngestAnswer.Rejection::index).containsExactly(1, 3);
        assertThat(scan.notObjects().get(0).reason()).contains("a number");
    }

    @Test
    void aBatchMessageMustNameItsType() throws Exception {
        byte[] body = utf8("{\"batch\":[{\"userId\":\"u\"}]}");
        ScannedMessage s = BodyScanner.batch(body).messages().get(0);
        assertThatThrownBy(() -> MessagePreparation.prepare(body, s, null, NOW)).hasMessageContaining("missing \"type\"");
    }

    @Test
    void anEmptyObjectGetsValidJsonWhenFieldsAreAdded() {
        assertThatThrownBy(() -> single("{}", Call.IDENTIFY))
                .isInstanceOf(MessagePreparation.Refused.class)
                .hasMessageContaining("neither"); // parsed after the insertion: the JSON stayed valid
    }

    @Test
    void malformedJsonFailsWithItsLineAndColumn() {
        assertThatThrownBy(() -> BodyScanner.batch(utf8("{\"batch\": [\n  {\"a\": }\n]}")))
                .isInstanceOfSatisfying(JacksonException.class, e -> {
                    assertThat(e.getLocation().getLineNr()).isEqualTo(2);
                    assertThat(e.getLocation().getColumnNr()).isGreaterThan(1);
                });
        assertThatThrownBy(() -> BodyScanner.batch(utf8("{\"messages\": []}"))).hasMessageContaining("missing \"batch\"");
        assertThatThrownBy(() -> BodyScanner.single(utf8("[1]"))).hasMessageContaining("found an array");
        assertThatThrownBy(() -> BodyScanner.single(utf8("{} {}"))).hasMessageContaining("after the JSON object");
    }

    @Test
    void aMessageOverThirtyTwoKilobytesIsRefusedWithItsSize() throws Exception {
        String big = "{\"type\":\"identify\",\"userId\":\"u\",\"traits\":{\"blob\":\"" + "x".repeat(Call.MESSAGE_LIMIT) + "\"}}";
        byte[] body = utf8("{\"batch\":[" + big + "]}");
        ScannedMessage s = BodyScanner.batch(body).messages().get(0);
        assertThatThrownBy(() -> MessagePreparation.prepare(body, s, null, NOW))
                .hasMessageContaining("message is " + big.length() + " bytes; the limit is 32 KB");
    }
}
