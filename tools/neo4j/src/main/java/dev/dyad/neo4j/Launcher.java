package dev.dyad.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Runs a persistent Neo4j 5.26 Community server for Dyad from Maven Central jars, without Docker.
 *
 * <p>Normally started by {@code scripts/neo4j start}, which builds the classpath once with Maven and then runs
 * {@code java -cp ... dev.dyad.neo4j.Launcher}. What it does:
 * <ol>
 *   <li>Lays out the Neo4j home ({@code data/}, {@code logs/}, {@code plugins/}, {@code import/}, {@code run/}) and
 *       copies the APOC jars it finds on the classpath into {@code plugins/}: APOC registers its procedures only
 *       when its jars are both on the classpath and in the plugin directory.</li>
 *   <li>Starts the server with {@link CommunityBootstrapper#start(Path, Map)}. Unlike the test harness's in-process
 *       builder, this keeps {@code data/} when it stops, so the graph survives a restart. The settings are passed
 *       by name; no {@code neo4j.conf} is read.</li>
 *   <li>Sets the password of user {@code neo4j} in the {@code system} database, then writes {@code run/ready}
 *       so the script knows start-up (including the password) is complete.</li>
 * </ol>
 *
 * <p>Shutdown: {@code CommunityBootstrapper} itself installs a SIGTERM/SIGINT handler and a JVM shutdown hook that
 * stop the DBMS cleanly (checkpoint, close stores), so {@code kill -TERM <pid>} is a clean stop. This class adds a
 * second hook that only removes the {@code run/ready} marker; two hooks both stopping the DBMS would race.
 *
 * <p>Configuration (system property wins over environment variable, which wins over the default):
 * <ul>
 *   <li>home: first argument, {@code -Ddyad.neo4j.home}, {@code DYAD_NEO4J_HOME}, else {@code ./.neo4j}</li>
 *   <li>Bolt port: {@code -Dneo4j.bolt.port}, {@code NEO4J_BOLT_PORT}, else 7687 (always on 127.0.0.1)</li>
 *   <li>HTTP port: {@code -Dneo4j.http.port}, {@code NEO4J_HTTP_PORT}, else 7474 (always on 127.0.0.1)</li>
 *   <li>password of {@code neo4j}: {@code NEO4J_PASSWORD}, else {@code dyad-dev-password} (environment only, so
 *       it does not show in {@code ps})</li>
 *   <li>page cache: {@code -Dneo4j.pagecache}, {@code NEO4J_PAGECACHE}, else 256m (the heap is the JVM's -Xmx)</li>
 *   <li>any other setting: {@code DYAD_NEO4J_SETTINGS}, name=value pairs separated by spaces</li>
 * </ul>
 */
public final class Launcher {
    static final String DEFAULT_PASSWORD = "dyad-dev-password";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path home = Paths.get(args.length > 0 ? args[0] : setting("dyad.neo4j.home", "DYAD_NEO4J_HOME", ".neo4j"))
                .toAbsolutePath().normalize();
        int boltPort = Integer.parseInt(setting("neo4j.bolt.port", "NEO4J_BOLT_PORT", "7687"));
        int httpPort = Integer.parseInt(setting("neo4j.http.port", "NEO4J_HTTP_PORT", "7474"));
        String pageCache = setting("neo4j.pagecache", "NEO4J_PAGECACHE", "256m");
        String password = envOr("NEO4J_PASSWORD", DEFAULT_PASSWORD);
        if (password.length() < 8) {
            // Neo4j 5 rejects shorter passwords (dbms.security.auth_minimum_password_length).
            fail("NEO4J_PASSWORD must be at least 8 characters");
        }

        Path plugins = home.resolve("plugins");
        Path importDir = home.resolve("import");
        Path run = home.resolve("run");
        for (Path dir : new Path[] {home.resolve("data"), home.resolve("logs"), plugins, importDir, run}) {
            Files.createDirectories(dir);
        }
        Path ready = run.resolve("ready");
        Files.deleteIfExists(ready);
        copyApocIntoPlugins(plugins);

        // APOC reads these from system properties (or from apoc.conf under NEO4J_CONF); a -D on the command
        // line wins. Export/import paths resolve under the import directory.
        System.setProperty("apoc.export.file.enabled", System.getProperty("apoc.export.file.enabled", "true"));
        System.setProperty("apoc.import.file.enabled", System.getProperty("apoc.import.file.enabled", "true"));

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.default_listen_address", "127.0.0.1");
        settings.put("server.default_advertised_address", "127.0.0.1");
        settings.put("server.bolt.enabled", "true");
        settings.put("server.bolt.listen_address", "127.0.0.1:" + boltPort);
        settings.put("server.bolt.advertised_address", "127.0.0.1:" + boltPort);
        settings.put("server.http.enabled", "true");
        settings.put("server.http.listen_address", "127.0.0.1:" + httpPort);
        settings.put("server.http.advertised_address", "127.0.0.1:" + httpPort);
        settings.put("server.https.enabled", "false");
        settings.put("dbms.security.auth_enabled", "true");
        settings.put("server.directories.plugins", plugins.toString());
        settings.put("server.directories.import", importDir.toString());
        settings.put("dbms.security.procedures.unrestricted", "apoc.*");
        settings.put("server.memory.pagecache.size", pageCache);
        settings.put("dbms.usage_report.enabled", "false");
        // Transaction logs are otherwise preallocated at 256 MiB each (neo4j + system: 0.5 GiB on disk for an
        // empty graph). A development graph does not need that.
        settings.put("db.tx_log.preallocate", "false");
        // Bolt's Netty event loops wait for a 5 s "quiet period" each (boss, then workers) on shutdown, after the
        // databases have already been checkpointed and closed: 10 s of a ~11 s stop. Nothing is pending by then.
        settings.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        // Any other setting, as name=value pairs separated by white space (e.g. db.memory.transaction.max=1g);
        // Community Edition cannot change settings at run time (no dbms.setConfigValue).
        for (String pair : envOr("DYAD_NEO4J_SETTINGS", "").trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                settings.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else if (!pair.isEmpty()) {
                fail("DYAD_NEO4J_SETTINGS: want name=value pairs separated by spaces, got " + pair);
            }
        }

        CommunityBootstrapper bootstrapper = new CommunityBootstrapper();
        int status = bootstrapper.start(home, settings); // also registers Neo4j's own shutdown hook
        if (status != 0) {
            fail("Neo4j did not start (bootstrapper status " + status + "); see debug.log under " + home.resolve("logs"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // best effort: the script also checks that the process is alive
            }
        }, "dyad-ready-marker"));

        long tStarted = System.nanoTime();
        DatabaseManagementService dbms = bootstrapper.getDatabaseManagementService();
        setPassword(dbms, password);
        long tPassword = System.nanoTime();
        // A real query against the default database before we call ourselves ready.
        dbms.database("neo4j").executeTransactionally("RETURN 1");
        long tQuery = System.nanoTime();

        String pid = Long.toString(ProcessHandle.current().pid());
        Files.writeString(ready, pid + "\n", StandardCharsets.UTF_8);
        System.out.printf("Dyad Neo4j ready in %.1f s (server %.1f s, password %.1f s, first query %.1f s): "
                        + "bolt://127.0.0.1:%d http://127.0.0.1:%d/browser/ home=%s pid=%s%n",
                (System.nanoTime() - t0) / 1e9, (tStarted - t0) / 1e9, (tPassword - tStarted) / 1e9,
                (tQuery - tPassword) / 1e9, boltPort, httpPort, home, pid);

        new CountDownLatch(1).await(); // serve until SIGTERM/SIGINT; the shutdown hooks do the rest
    }

    /**
     * Makes {@code password} the password of {@code neo4j}, with no change required at first login. Idempotent, and
     * a different NEO4J_PASSWORD replaces the old one. A restart with the same password is the common case, so it
     * first tries the password against Neo4j's auth manager (a cheap in-process login) and only runs the
     * parameterised {@code ALTER USER} in the system database when that login does not succeed: the ALTER costs
     * 2-3 s of start-up even when it has nothing to do.
     */
    static void setPassword(DatabaseManagementService dbms, String password) {
        if (passwordWorks(dbms, password)) {
            return;
        }
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            System.out.println("Dyad Neo4j: password of user neo4j set from NEO4J_PASSWORD (or the default)");
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the value it already has: then there is nothing to do.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /** True if neo4j/password logs in without a required change. Uses internal API; any surprise means false. */
    static boolean passwordWorks(DatabaseManagementService dbms, String password) {
        try {
            AuthManager auth = ((GraphDatabaseAPI) dbms.database("system")).getDependencyResolver()
                    .resolveDependency(AuthManager.class);
            LoginContext login = auth.login(AuthToken.newBasicAuthToken("neo4j", password),
                    ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /**
     * Copies apoc-*.jar from the classpath into the plugin directory when missing or changed, and removes APOC jars
     * left there by another version (two APOC versions in plugins/ would clash).
     */
    static void copyApocIntoPlugins(Path plugins) throws IOException {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Paths.get(entry);
            String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
            if (!name.startsWith("apoc-") || !name.endsWith(".jar") || !Files.isRegularFile(jar)) {
                continue;
            }
            wanted.add(name);
            Path target = plugins.resolve(name);
            if (!Files.exists(target) || Files.size(target) != Files.size(jar)) {
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (var listing = Files.newDirectoryStream(plugins, "apoc-*.jar")) {
            for (Path old : listing) {
                if (!wanted.contains(old.getFileName().toString())) {
                    Files.delete(old);
                }
            }
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        return value != null && !value.isBlank() ? value : envOr(env, fallback);
    }

    private static String envOr(String env, String fallback) {
        String value = System.getenv(env);
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static void fail(String message) {
        System.err.println("Dyad Neo4j: " + message);
        System.exit(1);
    }
}
