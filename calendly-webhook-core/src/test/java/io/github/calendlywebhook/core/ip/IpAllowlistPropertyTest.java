package io.github.calendlywebhook.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Membership of random addresses in random blocks, against a reference that compares the leading
 * {@code prefix} bits of 128-bit integers (IPv4 placed at {@code ::ffff:0:0/96}).
 */
class IpAllowlistPropertyTest {

    private static final int ROUNDS = 20_000;
    private static final BigInteger MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);

    private final Random random = new Random(4_711L);

    @Test
    void ipv4MembershipMatchesTheReference() {
        int inside = 0;
        for (int i = 0; i < ROUNDS; i++) {
            int prefix = random.nextInt(33);
            byte[] network = masked(randomBytes(4), prefix);
            byte[] address = nearby(network, prefix);
            boolean expected = referenceContains(network, prefix, address);

            assertThat(IpAllowlist.parse(List.of(v4Text(network) + "/" + prefix)).allows(inet(address)))
                    .as("%s/%d contains %s", v4Text(network), prefix, v4Text(address)).isEqualTo(expected);
            inside += expected ? 1 : 0;
        }
        assertThat(inside).isBetween(ROUNDS / 4, ROUNDS * 3 / 4);
    }

    @Test
    void ipv6MembershipMatchesTheReference() {
        int inside = 0;
        for (int i = 0; i < ROUNDS; i++) {
            int prefix = random.nextInt(129);
            byte[] network = masked(randomBytes(16), prefix);
            byte[] address = nearby(network, prefix);
            boolean expected = referenceContains(network, prefix, address);

            assertThat(IpAllowlist.parse(List.of(v6Text(network) + "/" + prefix)).allows(inet(address)))
                    .as("%s/%d contains %s", v6Text(network), prefix, v6Text(address)).isEqualTo(expected);
            inside += expected ? 1 : 0;
        }
        assertThat(inside).isBetween(ROUNDS / 4, ROUNDS * 3 / 4);
    }

    @Test
    void ipv4AddressesNeverMatchIpv6BlocksOutsideTheMappedRange() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] random16 = randomBytes(16);
            random16[0] |= 0x20;
            int prefix = 3 + random.nextInt(126);
            byte[] network = masked(random16, prefix);
            byte[] address = randomBytes(4);

            assertThat(IpAllowlist.parse(List.of(v6Text(network) + "/" + prefix)).allows(inet(address))).isFalse();
        }
    }

    /** Clears the host bits, since an entry with host bits set is refused. */
    private static byte[] masked(byte[] address, int prefix) {
        byte[] network = address.clone();
        for (int bit = prefix; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return network;
    }

    /** Returns an address inside the block, or one with a single network bit flipped, at random. */
    private byte[] nearby(byte[] network, int prefix) {
        byte[] address = randomBytes(network.length);
        for (int bit = 0; bit < prefix; bit++) {
            setBit(address, bit, bitAt(network, bit));
        }
        if (prefix > 0 && random.nextBoolean()) {
            int flip = random.nextInt(prefix);
            setBit(address, flip, !bitAt(address, flip));
        }
        return address;
    }

    private static boolean referenceContains(byte[] network, int prefix, byte[] address) {
        int offset = network.length == 4 ? 96 : 0;
        int shift = 128 - (prefix + offset);
        return toBig(address).shiftRight(shift).equals(toBig(network).shiftRight(shift));
    }

    private static BigInteger toBig(byte[] bytes) {
        BigInteger value = new BigInteger(1, bytes);
        return bytes.length == 4 ? value.or(MAPPED) : value;
    }

    private static boolean bitAt(byte[] bytes, int bit) {
        return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
    }

    private static void setBit(byte[] bytes, int bit, boolean value) {
        int mask = 0x80 >>> (bit % 8);
        bytes[bit / 8] = (byte) (value ? bytes[bit / 8] | mask : bytes[bit / 8] & ~mask);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String v4Text(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    private String v6Text(byte[] b) {
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            int value = ((b[2 * g] & 0xff) << 8) | (b[2 * g + 1] & 0xff);
            String group = Integer.toHexString(value);
            text.append(g == 0 ? "" : ":").append(random.nextBoolean() ? group.toUpperCase(Locale.ROOT) : group);
        }
        return text.toString();
    }

    private static InetAddress inet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
