package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.ip.ClientAddressResolver;
import io.github.calendlywebhook.core.ip.IpAllowlist;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The replaceable mechanism beans the processor is built from, gathered so the factory takes one argument. */
@Singleton
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
final class ProcessorComponents {

    private final SignatureVerifier verifier;
    private final IpAllowlist allowlist;
    private final ClientAddressResolver addressResolver;
    private final BeanProvider<RateLimiter> rateLimiter;

    ProcessorComponents(SignatureVerifier verifier, IpAllowlist allowlist, ClientAddressResolver addressResolver,
            BeanProvider<RateLimiter> rateLimiter) {
        this.verifier = verifier;
        this.allowlist = allowlist;
        this.addressResolver = addressResolver;
        this.rateLimiter = rateLimiter;
    }

    void applyTo(WebhookProcessor.Builder builder, WebhookSettings settings) {
        builder.verifier(verifier).allowlist(allowlist).addressResolver(addressResolver);
        if (settings.rateLimitEnabled() && rateLimiter.isUnique()) {
            builder.rateLimiter(rateLimiter.get());
        }
    }
}
