package io.aval.transport.internal;

import io.aval.partner.Partner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * The gateway's own AS2 key (signs MDNs and what we send, decrypts what partners send) from a
 * PKCS#12 or JKS keystore, and the partners' certificates from the files their profiles name.
 * Only the JDK's key stores and certificate factory: no key handling of our own.
 */
public final class As2Keys {

    private final PrivateKey privateKey;
    private final Certificate[] chain;

    private As2Keys(PrivateKey privateKey, Certificate[] chain) {
        this.privateKey = privateKey;
        this.chain = chain;
    }

    /**
     * The key {@code alias} (the keystore's only key when blank) of {@code keystore}; every
     * failure names the file and the setting to fix.
     */
    public static As2Keys load(Path keystore, char[] password, String alias) {
        if (!Files.isRegularFile(keystore)) {
            throw new IllegalStateException("AS2 keystore " + keystore + " (aval.as2.keystore) does not exist");
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            String name = keystore.getFileName().toString().toLowerCase();
            KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            String chosen = alias == null || alias.isBlank() ? onlyKeyAlias(store, keystore) : alias;
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("AS2 keystore " + keystore + " has no private key under alias '" + chosen
                        + "' (aval.as2.key-alias)");
            }
            Certificate[] chain = store.getCertificateChain(chosen);
            if (chain == null || chain.length == 0) {
                throw new IllegalStateException("AS2 keystore " + keystore + ": key '" + chosen + "' has no certificate");
            }
            return new As2Keys(privateKey, chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("AS2 keystore " + keystore + " cannot be read (aval.as2.keystore, "
                    + "aval.as2.keystore-password): " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore store, Path file) throws GeneralSecurityException {
        String found = null;
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                if (found != null) {
                    throw new IllegalStateException("AS2 keystore " + file + " holds several keys: name one in aval.as2.key-alias");
                }
                found = a;
            }
        }
        if (found == null) {
            throw new IllegalStateException("AS2 keystore " + file + " holds no private key");
        }
        return found;
    }

    /** The certificate named by the partner's {@code as2.certificate} (PEM or DER), relative to {@code configDir}. */
    public static Certificate[] partnerCertificate(Partner partner, Path configDir) {
        if (partner.as2() == null || partner.as2().certificate() == null || partner.as2().certificate().isBlank()) {
            throw new IllegalStateException("Partner " + partner.id() + ": as2.certificate in partners.yaml is required "
                    + "(its X.509 certificate: it checks the partner's signatures and MDNs)");
        }
        Path file = configDir.resolve(partner.as2().certificate()).normalize();
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            cert.checkValidity();
            return new Certificate[] {cert};
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Partner " + partner.id() + ": AS2 certificate " + file
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public Certificate[] chain() {
        return chain.clone();
    }
}
