package io.github.calendlywebhook.apps;

import java.util.Map;

/**
 * The same application with the previous secret given in Spring Boot's list form,
 * {@code CALENDLY_WEBHOOK_PREVIOUS_SECRETS_0_SECRET} and {@code ..._0_EXPIRES_AT}, instead of the setup guide's
 * single pair: the list form binds on Spring Boot only.
 */
class PreviousSecretsListIT extends RestartedApplicationIT {

    @Override
    protected Map<String, String> variables() {
        Map<String, String> variables = super.variables();
        variables.remove("CALENDLY_WEBHOOK_PREVIOUS_SECRET");
        variables.remove("CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT");
        variables.put("CALENDLY_WEBHOOK_PREVIOUS_SECRETS_0_SECRET", PREVIOUS_SECRET);
        variables.put("CALENDLY_WEBHOOK_PREVIOUS_SECRETS_0_EXPIRES_AT", "2099-01-01T00:00:00Z");
        return variables;
    }
}
