package org.breadbot.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.breadbot.ingress.IngressProperties;

/**
 * Whether a request carries the webhook secret. Compared in constant time, so response timing tells an attacker
 * nothing about how much of a guess was right. The previous secret is accepted too while a rotation is under way.
 */
final class SecretCheck {

    private final List<byte[]> accepted;

    private SecretCheck(List<byte[]> accepted) {
        this.accepted = accepted;
    }

    static SecretCheck of(IngressProperties.Webhook webhook) {
        if (!webhook.requiresSecret()) {
            return new SecretCheck(List.of());
        }
        return new SecretCheck(Stream.of(webhook.secret(), webhook.previousSecret())
                .filter(secret -> secret != null && !secret.isEmpty())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toList());
    }

    boolean required() {
        return !accepted.isEmpty();
    }

    /** @param presented the header's value, null when the header is missing */
    boolean accepts(String presented) {
        if (accepted.isEmpty()) {
            return true;
        }
        if (presented == null) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] secret : accepted) {
            // the expected value goes first: isEqual's running time depends only on its first argument's length
            match |= MessageDigest.isEqual(secret, candidate);
        }
        return match;
    }
}
