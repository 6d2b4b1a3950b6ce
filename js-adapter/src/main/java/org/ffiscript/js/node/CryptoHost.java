package org.ffiscript.js.node;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The host side of {@code node:crypto}: random values, hashes and HMACs by the JDK's own providers. */
public final class CryptoHost {

    CryptoHost() {}

    /** Made on first use: seeding a SecureRandom reads the system's entropy, which start-up should not wait for. */
    private static final class Random {
        static final java.security.SecureRandom SOURCE = new java.security.SecureRandom();
    }

    @HostAccess.Export
    public byte[] randomBytes(double count) {
        var bytes = new byte[(int) count];
        Random.SOURCE.nextBytes(bytes);
        return bytes;
    }

    @HostAccess.Export
    public String randomUUID() {
        return java.util.UUID.randomUUID().toString();
    }

    @HostAccess.Export
    public double randomBelow(double bound) {
        return Random.SOURCE.nextLong((long) bound);
    }

    /** A running hash or HMAC: the JDK's MessageDigest or Mac. */
    @HostAccess.Export
    public Object hash(String algorithm) throws java.security.NoSuchAlgorithmException {
        return java.security.MessageDigest.getInstance(algorithm);
    }

    @HostAccess.Export
    public Object hmac(String algorithm, Value key) throws java.security.GeneralSecurityException {
        var name = "Hmac" + algorithm.replace("-", "").replace("/", "");
        var mac = javax.crypto.Mac.getInstance(name);
        mac.init(new javax.crypto.spec.SecretKeySpec(NodeFs.bytes(key), name));
        return mac;
    }

    @HostAccess.Export
    public void hashUpdate(Object state, Value data) {
        var bytes = NodeFs.bytes(data);
        if (state instanceof java.security.MessageDigest digest) {
            digest.update(bytes);
        } else {
            ((javax.crypto.Mac) state).update(bytes);
        }
    }

    @HostAccess.Export
    public java.nio.ByteBuffer hashDigest(Object state) {
        return java.nio.ByteBuffer.wrap(
                state instanceof java.security.MessageDigest digest
                        ? digest.digest()
                        : ((javax.crypto.Mac) state).doFinal());
    }

    @HostAccess.Export
    public Object hashCopy(Object state) throws CloneNotSupportedException {
        return state instanceof java.security.MessageDigest digest
                ? digest.clone()
                : ((javax.crypto.Mac) state).clone();
    }
}
