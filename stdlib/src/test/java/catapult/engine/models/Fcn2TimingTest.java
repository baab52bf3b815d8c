package catapult.engine.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs {@link Fcn2Timing} under surefire when -Dcatapult.timing=true; asserts nothing. */
class Fcn2TimingTest {
    @Test
    @EnabledIfSystemProperty(named = "catapult.timing", matches = "true")
    void printTimings() { Fcn2Timing.main(new String[0]); }
}
