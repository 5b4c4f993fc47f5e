package io.github.calendlywebhook.dashboard.reliability;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate for {@code dashboard.example.com} made with the JDK's keytool (present wherever the
 * tests run), written as the PEM files nginx and Caddy read, and an SSL context that trusts only it.
 *
 * @param certificateFile the certificate, PEM
 * @param keyFile the private key, PKCS#8 PEM
 * @param clientContext a TLS context trusting this certificate alone
 */
record SelfSignedCertificate(Path certificateFile, Path keyFile, SSLContext clientContext) {

    static final String HOST = "dashboard.example.com";
    private static final char[] PASSWORD = "proxy-test-store".toCharArray();

    /** Generates the certificate and key in {@code dir}. */
    static SelfSignedCertificate generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path store = dir.resolve("proxy.p12");
        Files.deleteIfExists(store);
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "proxy", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        Path certificate = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        Files.writeString(certificate, pem("CERTIFICATE", keys.getCertificate("proxy").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ((PrivateKey) keys.getKey("proxy", PASSWORD)).getEncoded()));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("proxy", keys.getCertificate("proxy"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return new SelfSignedCertificate(certificate, key, context);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
