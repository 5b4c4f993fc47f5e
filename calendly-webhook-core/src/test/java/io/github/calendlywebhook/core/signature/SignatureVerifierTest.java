package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final byte[] BODY = "{\"event\":\"invitee.created\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = MutableClock.at(NOW);
    private final WebhookSigner signer = new WebhookSigner("secret", clock);
    private final SignatureVerifier verifier = SignatureVerifier.builder().secret("secret").clock(clock).build();

    private static String v1(String header) {
        return header.substring(header.indexOf("v1=") + 3);
    }

    @Test
    void acceptsHeaderProducedBySigner() {
        String header = signer.sign(BODY);

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsBodyChangedByOneByte() {
        String header = signer.sign(BODY);
        byte[] changed = BODY.clone();
        changed[3] ^= 1;

        assertThatThrownBy(() -> verifier.verify(header, changed))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MISMATCH));
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        String header = new WebhookSigner("other", clock).sign(BODY);

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MISMATCH));
    }

    @Test
    void rejectsMissingHeader() {
        assertThatThrownBy(() -> verifier.verify(null, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MISSING));
    }

    @Test
    void rejectsBlankHeaderAsMissing() {
        assertThatThrownBy(() -> verifier.verify("  ", BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MISSING));
    }

    @Test
    void toleratesWhitespaceEmptyPartsAndUnknownKeys() {
        String v1 = v1(signer.sign(BODY));
        String header = " v0 = abc , t = " + NOW.getEpochSecond() + " ,, garbage ,\tv1=" + v1 + " , x=y ";

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsUpperCaseHex() {
        String v1 = v1(signer.sign(BODY)).toUpperCase(Locale.ROOT);

        assertThatCode(() -> verifier.verify("t=" + NOW.getEpochSecond() + ",v1=" + v1, BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        String good = v1(signer.sign(BODY));
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + ",v1=" + good + ",v1=" + "f".repeat(64);

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsWhenNoneOfSeveralSignaturesMatches() {
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + ",v1=" + "f".repeat(64);

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MISMATCH));
    }

    @Test
    void skipsMalformedSignatureEntriesWhenAWellFormedOneMatches() {
        String good = v1(signer.sign(BODY));
        String header = "t=" + NOW.getEpochSecond() + ",v1=zz,v1=" + good.substring(2) + ",v1=" + good;

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsSignatureOfWrongLengthAsMalformed() {
        String good = v1(signer.sign(BODY));

        assertThatThrownBy(() -> verifier.verify("t=" + NOW.getEpochSecond() + ",v1=" + good + "00", BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MALFORMED));
    }

    @Test
    void rejectsNonHexSignatureAsMalformed() {
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + "g".repeat(64);

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MALFORMED));
    }

    @Test
    void rejectsHeaderWithoutTimestamp() {
        String header = "v1=" + v1(signer.sign(BODY));

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MALFORMED));
    }

    @Test
    void rejectsTwoTimestamps() {
        String header = "t=1,t=" + NOW.getEpochSecond() + ",v1=" + v1(signer.sign(BODY));

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MALFORMED));
    }

    @Test
    void rejectsSignedTimestampWithSign() {
        String header = "t=+" + NOW.getEpochSecond() + ",v1=" + v1(signer.sign(BODY));

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MALFORMED));
    }

    @Test
    void rejectsTimestampThatDoesNotFitALong() {
        String header = "t=99999999999999999999,v1=" + v1(signer.sign(BODY));

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MALFORMED));
    }

    @Test
    void rejectsNonAsciiDigitsInTimestamp() {
        String header = "t=\u0661\u0667,v1=" + v1(signer.sign(BODY));

        assertThatThrownBy(() -> verifier.verify(header, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MALFORMED));
    }

    @Test
    void rejectsTimestampBeyondTheLastRepresentableInstant() {
        String header = "t=" + Long.MAX_VALUE + ",v1=" + "0".repeat(64);

        assertThatThrownBy(() -> verifier.verify(header, BODY)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> assertReason(e, Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }

    @Test
    void verifiesOverTheTimestampTextAsSent() {
        String withLeadingZero = "t=0" + NOW.getEpochSecond() + ",v1=" + v1(signer.sign(BODY));

        assertThatThrownBy(() -> verifier.verify(withLeadingZero, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MISMATCH));
    }

    @Test
    void codeIsInvalidSignature() {
        assertThatThrownBy(() -> verifier.verify(null, BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_signature"));
    }

    @Test
    void messageNeverContainsTheSecretOrTheSignature() {
        SignatureVerifier withSecret = SignatureVerifier.builder().secret("s3cr3t-value").clock(clock).build();
        String header = new WebhookSigner("other", clock).sign(BODY);

        assertThatThrownBy(() -> withSecret.verify(header, BODY))
                .hasMessageNotContaining("s3cr3t-value")
                .hasMessageNotContaining(v1(header))
                .hasMessageNotContaining(v1(header).substring(0, 16));
    }

    @Test
    void customToleranceIsApplied() {
        SignatureVerifier strict = SignatureVerifier.builder().secret("secret").clock(clock)
                .tolerance(Duration.ofSeconds(10)).build();
        String header = signer.sign(BODY, NOW.minusSeconds(11));

        assertThatThrownBy(() -> strict.verify(header, BODY)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> assertReason(e, Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }

    @Test
    void toStringHidesTheSecret() {
        SignatureVerifier withSecret = SignatureVerifier.builder().secret("hunter2")
                .previousSecret("hunter1", NOW.plusSeconds(60)).clock(clock).build();

        assertThat(withSecret.toString()).doesNotContain("hunter2").doesNotContain("hunter1");
        assertThat(new WebhookSigner("hunter2", clock).toString()).doesNotContain("hunter2");
    }

    static void assertReason(SignatureVerificationException e, Reason expected) {
        assertThat(e.reason()).isEqualTo(expected);
    }
}
