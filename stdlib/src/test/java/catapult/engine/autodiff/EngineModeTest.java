package catapult.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The switch is read from the system property the build's second test run sets. */
class EngineModeTest {
    @Test
    void followsTheSystemProperty() {
        assertEquals(Boolean.parseBoolean(System.getProperty(EngineMode.PROPERTY, "false")), EngineMode.generic());
    }
}
