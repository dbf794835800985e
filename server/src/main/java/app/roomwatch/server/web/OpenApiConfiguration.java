package app.roomwatch.server.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI document at {@code /v3/api-docs}, generated from the controllers for scanner vendors and tool writers.
 * Staff calls carry an access token ({@value #STAFF_TOKEN}); the scanners' calls name their device key
 * ({@value #DEVICE_KEY}) themselves.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String STAFF_TOKEN = "staffToken";
    static final String DEVICE_KEY = "deviceKey";

    @Bean
    OpenAPI roomwatchOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Roomwatch REST API")
                        .description("Check-ins by RFID scanners and the staff console's calls. Every refusal is"
                                + " application/problem+json with a 'detail' that says what to fix. docs/api.md"
                                + " explains the rules."))
                .components(new Components()
                        .addSecuritySchemes(
                                STAFF_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The accessToken of POST /api/auth/login"))
                        .addSecuritySchemes(
                                DEVICE_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A scanner's device key (rw_<keyId>_<secret>) from"
                                                + " POST /api/admin/devices")))
                .addSecurityItem(new SecurityRequirement().addList(STAFF_TOKEN));
    }

    /**
     * Every refusal (4xx, 5xx) is an {@code application/problem+json} {@link ProblemDetail}: said once here, for every
     * operation, instead of on each response of each controller.
     */
    @Bean
    OpenApiCustomizer refusalsAreProblemDocuments() {
        return openApi -> {
            ModelConverters.getInstance().read(ProblemDetail.class).forEach(openApi.getComponents()::addSchemas);
            Content problem = new Content()
                    .addMediaType(
                            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        if (operation.getResponses() != null) {
                            operation.getResponses().forEach((status, response) -> {
                                boolean refusal = status.startsWith("4") || status.startsWith("5");
                                // Without a body of its own, springdoc lists none or its catch-all "*/*".
                                Content body = response.getContent();
                                if (refusal && (body == null || body.isEmpty() || body.containsKey("*/*"))) {
                                    response.setContent(problem);
                                }
                            });
                        }
                    }));
        };
    }
}
