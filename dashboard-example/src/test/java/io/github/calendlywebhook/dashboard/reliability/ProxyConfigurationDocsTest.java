package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operations guide shows the proxy configurations that the proxied-dashboard tests run, unchanged. */
class ProxyConfigurationDocsTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");

    @Test
    void theGuidesNginxConfigurationIsTheShippedFile() throws Exception {
        assertThat(block("nginx")).isEqualTo(ReverseProxy.Kind.NGINX.shipped());
    }

    @Test
    void theGuidesCaddyConfigurationIsTheShippedFile() throws Exception {
        assertThat(block("caddyfile")).isEqualTo(ReverseProxy.Kind.CADDY.shipped());
    }

    private static String block(String language) throws Exception {
        String guide = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        Matcher fence = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertThat(fence.find()).as("a ```" + language + " block in " + OPERATIONS).isTrue();
        String block = fence.group(1);
        assertThat(fence.find()).as("only one ```" + language + " block in " + OPERATIONS).isFalse();
        return block;
    }
}
