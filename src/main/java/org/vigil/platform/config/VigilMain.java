package org.vigil.platform.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigUtils;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The packaged service's entry point: in the prod profile it first checks {@link ProductionSettings}
 * and stops with one message when any is missing, before the datasource, Flyway, Hibernate or the JWT
 * layer each fail in their own words. Dev mode and tests are not affected.
 */
@QuarkusMain
public class VigilMain {

    public static void main(String... args) {
        if (packaged()
                && LaunchMode.current() == LaunchMode.NORMAL
                && ConfigUtils.getProfiles().contains("prod")) {
            Config config = ConfigProvider.getConfig();
            List<String> problems = ProductionSettings.problems(name -> config.getOptionalValue(name, String.class));
            if (!problems.isEmpty()) {
                System.err.println("ERROR " + ProductionSettings.message(problems));
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    /**
     * Whether this is the packaged service ({@code java -jar quarkus-run.jar}). Dev mode calls this main
     * too, before its launch mode and profile are set (both read NORMAL and prod then), so they alone
     * cannot tell; the packaged jar's class loader can.
     */
    static boolean packaged() {
        ClassLoader loader = VigilMain.class.getClassLoader();
        return loader != null && loader.getClass().getName().equals("io.quarkus.bootstrap.runner.RunnerClassLoader");
    }
}
