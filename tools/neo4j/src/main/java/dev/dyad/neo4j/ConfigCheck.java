package dev.dyad.neo4j;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;

/**
 * Checks a {@code neo4j.conf} (and optionally an {@code apoc.conf}) the way Neo4j 5.26 does at start-up, with strict
 * config validation on, so a setting that would keep the server from starting is caught without starting it.
 *
 * <p>Run by {@code scripts/neo4j check-config NEO4J_CONF [APOC_CONF]}. It prints one line per problem,
 * {@code FILE:LINE: SETTING: message}, and exits 1 if there was any; otherwise it prints how many settings it
 * checked and exits 0. Exit 2 means it could not read its arguments.
 *
 * <ul>
 *   <li>{@code neo4j.conf}: each setting is first built on its own with {@code Config.newBuilder()} and
 *       {@code server.config.strict_validation.enabled=true}, so every unknown name or bad value is reported at once
 *       with its line; then the whole file is read with Neo4j's own file parser ({@code fromFile}), which also
 *       catches what only shows in combination.</li>
 *   <li>{@code apoc.conf}: APOC reads it without validating, so a misspelt name is silently ignored. Each name is
 *       checked against the settings APOC core declares (the {@code apoc.*} string constants of
 *       {@code apoc.ApocConfig}, with {@code apoc.initializer.<database>}).</li>
 * </ul>
 */
public final class ConfigCheck {
    private ConfigCheck() {}

    /** One {@code name=value} line of a config file. */
    private record Line(int number, String name, String value) {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ConfigCheck NEO4J_CONF [APOC_CONF]");
            System.exit(2);
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try {
            Path neo4jConf = Paths.get(args[0]);
            List<Line> lines = read(neo4jConf);
            checked += lines.size();
            problems.addAll(checkNeo4j(neo4jConf, lines));
            if (args.length == 2) {
                Path apocConf = Paths.get(args[1]);
                List<Line> apoc = read(apocConf);
                checked += apoc.size();
                problems.addAll(checkApoc(apocConf, apoc));
            }
        } catch (IOException e) {
            System.err.println("config check: " + e.getMessage());
            System.exit(2);
        }
        problems.forEach(System.out::println);
        if (!problems.isEmpty()) {
            System.exit(1);
        }
        System.out.println("ok: " + checked + " settings pass Neo4j's strict config validation");
    }

    /** read returns the setting lines of a config file (blank lines and # comments skipped). */
    private static List<Line> read(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(i).strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq < 0) {
                out.add(new Line(i + 1, s, null));
            } else {
                out.add(new Line(i + 1, s.substring(0, eq).strip(), s.substring(eq + 1).strip()));
            }
        }
        return out;
    }

    /** checkNeo4j validates each setting alone, then the whole file, with strict validation. */
    private static List<String> checkNeo4j(Path file, List<Line> lines) {
        List<String> problems = new ArrayList<>();
        for (Line l : lines) {
            if (l.value() == null) {
                problems.add(file + ":" + l.number() + ": " + l.name() + ": not a name=value line");
                continue;
            }
            String err = strictError(Config.newBuilder().setRaw(Map.of(l.name(), l.value())));
            if (err != null) {
                problems.add(file + ":" + l.number() + ": " + l.name() + ": " + err);
            }
        }
        if (problems.isEmpty()) {
            String err = strictError(Config.newBuilder().fromFile(file));
            if (err != null) {
                problems.add(file + ": " + err);
            }
        }
        return problems;
    }

    /** strictError builds the config with strict validation and returns why it failed, or null. */
    private static String strictError(Config.Builder builder) {
        try {
            builder.set(GraphDatabaseSettings.strict_config_validation, true).build();
            return null;
        } catch (RuntimeException e) {
            Throwable t = e;
            StringBuilder msg = new StringBuilder(String.valueOf(t.getMessage()));
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
                String m = String.valueOf(t.getMessage());
                if (msg.indexOf(m) < 0) {
                    msg.append(": ").append(m);
                }
            }
            return msg.toString().replace('\n', ' ');
        }
    }

    /** checkApoc reports names APOC core does not read. */
    private static List<String> checkApoc(Path file, List<Line> lines) {
        TreeSet<String> known = apocSettings();
        List<String> problems = new ArrayList<>();
        for (Line l : lines) {
            if (l.value() == null) {
                problems.add(file + ":" + l.number() + ": " + l.name() + ": not a name=value line");
            } else if (!known.contains(l.name()) && !l.name().startsWith("apoc.initializer.")) {
                problems.add(file + ":" + l.number() + ": " + l.name() + ": not a setting APOC core reads (known: "
                        + String.join(", ", known) + ")");
            }
        }
        return problems;
    }

    /** apocSettings returns the apoc.* names that apoc.ApocConfig declares as string constants. */
    private static TreeSet<String> apocSettings() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (Field f : Class.forName("apoc.ApocConfig").getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v instanceof String s && s.startsWith("apoc.") && s.matches("[a-z0-9_.]+")) {
                        names.add(s);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("APOC core (apoc.ApocConfig) is not on the classpath: " + e, e);
        }
        return names;
    }
}
