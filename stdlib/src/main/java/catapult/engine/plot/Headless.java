package catapult.engine.plot;

/** A CLI or test JVM has no display: AWT, used to draw and measure text, must not try to open one. */
final class Headless {
    private Headless() {
    }

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
