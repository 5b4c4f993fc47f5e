package io.github.calendlywebhook.dashboard.security;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator (health, info, metrics, Prometheus) on the application's port, for the admin only: the admin
 * panel's session works, and so does HTTP Basic with the admin password, which is how Prometheus scrapes.
 * Anonymous requests get 401 with a JSON body; no session is created for a Basic request.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint refuse = (request, response, exception) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Basic realm=\"dashboard\"");
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"unauthorized\",\"message\":\"Actuator endpoints need the "
                    + "admin login (session or HTTP Basic).\"}").getBytes(StandardCharsets.UTF_8));
        };
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(refuse))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refuse))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
