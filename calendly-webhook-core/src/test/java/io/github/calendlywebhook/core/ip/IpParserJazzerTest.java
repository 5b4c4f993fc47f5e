package io.github.calendlywebhook.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the CIDR and address parsers. Without {@code JAZZER_FUZZ=1} each method
 * replays its committed corpus under {@code IpParserJazzerTestInputs/} as a plain test.
 */
class IpParserJazzerTest {

    private static final ClientAddressResolver BEHIND_PROXY =
            ClientAddressResolver.trusting(List.of("127.0.0.1/32", "10.0.0.0/8", "::1/128"));

    @FuzzTest(maxDuration = "3m")
    void allowlistEntriesAreOnlyEverRejectedWithIllegalArgument(FuzzedDataProvider data) throws UnknownHostException {
        List<String> entries = strings(data);
        byte[] probe = data.consumeBytes(16);

        Throwable thrown = catchThrowable(() -> IpAllowlist.parse(entries));

        if (thrown == null) {
            IpAllowlist allowlist = IpAllowlist.parse(entries);
            assertThat(allowlist.isEmpty()).isEqualTo(entries.stream()
                    .flatMap(entry -> java.util.Arrays.stream(entry.split(",", -1))).allMatch(String::isBlank));
            if (probe.length == 4 || probe.length == 16) {
                allowlist.allows(InetAddress.getByAddress(probe));
            }
        } else {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void trustedProxyEntriesAreOnlyEverRejectedWithIllegalArgument(FuzzedDataProvider data) {
        List<String> entries = strings(data);

        Throwable thrown = catchThrowable(() -> ClientAddressResolver.trusting(entries));

        assertThat(thrown).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(IllegalArgumentException.class));
    }

    @FuzzTest(maxDuration = "3m")
    void anyForwardingHeadersResolveOrAreRefusedAsInvalidForALiteralPeer(FuzzedDataProvider data) {
        String peer = data.pickValue(new String[] {"127.0.0.1", "10.1.2.3", "::1", "203.0.113.9", data.consumeString(48)});
        List<String> xForwardedFor = strings(data);
        List<String> forwarded = strings(data);

        Throwable thrown = catchThrowable(() -> BEHIND_PROXY.resolve(peer, xForwardedFor, forwarded));

        if (ClientAddressResolver.parseLiteral(peer).isPresent() && thrown != null) {
            assertThat(thrown).isInstanceOf(InvalidForwardingHeadersException.class);
        } else if (ClientAddressResolver.parseLiteral(peer).isPresent()) {
            assertThat(BEHIND_PROXY.resolve(peer, xForwardedFor, forwarded)).isNotNull();
        } else {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<String> strings(FuzzedDataProvider data) {
        int count = data.consumeInt(0, 4);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(data.consumeString(96));
        }
        return values;
    }
}
