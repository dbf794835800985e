package app.roomwatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Where the admin asks for it, a load balancer gets health on the API port, and still no metrics. */
@TestPropertySource(properties = "management.endpoint.health.probes.add-additional-paths=true")
class LoadBalancerHealthTests extends ServerTest {

    @Test
    void healthProbesAnswerOnTheApiPortWhenAskedFor() {
        assertThat(api().get("/readyz").status()).isEqualTo(200);
        assertThat(api().get("/livez").status()).isEqualTo(200);
        assertThat(api().get("/actuator/prometheus").status()).isIn(401, 404);
        assertThat(management().get("/actuator/health").status()).isEqualTo(200);
    }
}
