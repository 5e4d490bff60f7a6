package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.server.TestServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The official Segment Node SDK ({@code @segment/analytics-node}, from npm) pointed at the server
 * with its {@code host} option: every message it sends is answered 200 and stored exactly as sent.
 */
class SegmentSdkTest {
    @TempDir
    Path dir;

    @Test
    void whatTheSdkSendsArrivesUnchanged() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"), "node and npm are needed for this test");
        Path client = dir.resolve("client");
        Files.createDirectories(client);
        for (String f : List.of("package.json", "send.mjs")) {
            try (InputStream in = getClass().getResourceAsStream("/segment-sdk/" + f)) {
                Files.copy(in, client.resolve(f));
            }
        }
        Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(client.toFile()).redirectErrorStream(true).start();
        String installOut = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(install.exitValue()).as("npm install: " + installOut).isZero();

        try (TestServer s = TestServer.start(dir.resolve("data"))) {
            Process send = new ProcessBuilder("node", "send.mjs", s.base(), TestServer.WRITE_KEY)
                    .directory(client.toFile()).redirectErrorStream(true).start();
            String out = new String(send.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(send.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(send.exitValue()).as(out).isZero();

            List<JsonNode> sent = new ArrayList<>();
            int answered = 0;
            for (String line : out.split("\n")) {
                if (!line.startsWith("{")) continue;
                JsonNode o = TestServer.JSON.readTree(line);
                switch (o.get("kind").asString()) {
                    case "request" -> o.get("body").get("batch").forEach(sent::add);
                    case "response" -> {
                        assertThat(o.get("status").asInt()).as(out).isEqualTo(200);
                        answered++;
                    }
                    default -> throw new AssertionError("the SDK reported: " + line);
                }
            }
            assertThat(sent).hasSize(5);
            assertThat(answered).isGreaterThanOrEqualTo(1);
            for (JsonNode m : sent) {
                String user = m.has("userId") ? m.get("userId").asString() : m.get("anonymousId").asString();
                Response events = s.get("/api/profiles/" + user + "/events?limit=100");
                JsonNode stored = null;
                for (JsonNode e : events.json().get("events")) {
                    if (e.get("messageId").asString().equals(m.get("messageId").asString())) stored = e.get("message");
                }
                assertThat(stored).as("stored: " + m).isNotNull();
                assertThat(stored).as("stored unchanged").isEqualTo(m);
            }
            JsonNode profile = s.get("/api/profiles/sdk-1").json();
            assertThat(profile.get("traits").get("plan").asString()).isEqualTo("medicare");
            assertThat(profile.get("traits").get("address").get("state").asString()).isEqualTo("CA");
            assertThat(profile.get("eventCounts").get("App Open").asInt()).isEqualTo(1);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
