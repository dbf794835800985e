package app.roomwatch.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.roomwatch.installer.Commands.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a bare Debian desktop needs to run the console, checked against what the .deb declares.
 *
 * <p>jpackage finds the libraries of the Java runtime's own native code, but not those of JavaFX's natives, which
 * travel inside the runtime's modules image (GTK 3, OpenGL, ALSA, …), nor JNA's (the keyring). This test reads
 * every native library the console can load, lists the shared libraries each one links against, finds the Debian
 * package that provides each, and requires that package to come with the .deb's {@code Depends} (directly or through
 * their own dependencies) or to be part of every Debian system (priority {@code required}). A library missing from
 * {@code Depends} would install cleanly on a machine without it and fail only when a supervisor starts the console.
 */
@EnabledOnOs(OS.LINUX)
class ConsoleNativeLibrariesIT {

    private static final Duration QUICK = Duration.ofSeconds(60);

    /**
     * JavaFX's ffmpeg plugins play compressed video and audio through whichever libavcodec the machine happens to
     * have, and load only then; the console's sounds are WAV files, which need none of them.
     */
    private static boolean optional(Path library) {
        return library.getFileName().toString().startsWith("libavplugin");
    }

    @TempDir
    Path extracted;

    @Test
    void everyLibraryTheConsolesNativeCodeLinksComesWithThePackagesDependencies() throws IOException {
        assumeTrue(
                Commands.exists("dpkg-query") && Commands.exists("objdump") && Commands.exists("ldconfig"),
                "skipping: this check needs dpkg-query, objdump and ldconfig");
        Path deb = ConsoleDebPackageIT.theDeb();
        if ("root".equals(System.getProperty("user.name"))) {
            // So that each library resolves to an installed package here, as on a desktop after apt install.
            ConsoleDebPackageIT.installMissingDependencies(deb);
        }

        List<Path> natives = nativeLibraries(Path.of(System.getProperty("roomwatch.console.app-image")));
        assertThat(natives)
                .extracting(library -> library.getFileName().toString())
                .as("the console's native libraries")
                .contains("libglassgtk3.so", "libprism_es2.so", "libjfxmedia.so", "libjnidispatch.so", "libjvm.so");

        Set<String> bundled = new HashSet<>();
        natives.forEach(library -> bundled.add(library.getFileName().toString()));
        Map<String, String> packageOfLibrary = new TreeMap<>();
        Set<String> notOnThisMachine = new TreeSet<>();
        for (String soname : linkedLibraries(natives)) {
            if (bundled.contains(soname)) {
                continue;
            }
            String owner = packageProviding(soname);
            if (owner == null) {
                notOnThisMachine.add(soname);
            } else {
                packageOfLibrary.put(soname, owner);
            }
        }
        assertThat(notOnThisMachine)
                .as("libraries the console links that no installed package provides here (install the .deb's"
                        + " Depends first)")
                .isEmpty();

        Set<String> declared = Debian.closureOf(field(deb, "Depends") + ", " + field(deb, "Pre-Depends"));
        Map<String, String> undeclared = new TreeMap<>();
        packageOfLibrary.forEach((soname, owner) -> {
            if (!declared.contains(owner) && !Debian.isRequired(owner)) {
                undeclared.put(soname, owner);
            }
        });
        assertThat(undeclared)
                .as("libraries the console links whose package the .deb does not bring (add it to"
                        + " --linux-package-deps in installer/pom.xml)")
                .isEmpty();
        assertThat(packageOfLibrary.values()).contains("libgtk-3-0", "libgl1", "libasound2");
    }

    /** The app image's own libraries, JavaFX's from inside the runtime's modules image, and JNA's from its jar. */
    private List<Path> nativeLibraries(Path appImage) throws IOException {
        Path runtime = appImage.resolve("lib/runtime");
        String jimage =
                Path.of(System.getProperty("java.home"), "bin", "jimage").toString();
        Finished extract = Commands.run(
                QUICK,
                jimage,
                "extract",
                "--dir",
                extracted.resolve("modules").toString(),
                "--include",
                "glob:**.so",
                runtime.resolve("lib/modules").toString());
        assertThat(extract.exitCode()).as(extract.output()).isZero();

        try (Stream<Path> jars = Files.list(appImage.resolve("lib/app"))) {
            for (Path jar : jars.filter(file -> file.getFileName().toString().startsWith("jna-5"))
                    .toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    var entry = zip.getEntry("com/sun/jna/linux-x86-64/libjnidispatch.so");
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, extracted.resolve("libjnidispatch.so"));
                    }
                }
            }
        }
        try (Stream<Path> inImage = Files.walk(appImage.resolve("lib"));
                Stream<Path> unpacked = Files.walk(extracted)) {
            return Stream.concat(inImage, unpacked)
                    .filter(file -> file.getFileName().toString().endsWith(".so"))
                    .filter(file -> !optional(file))
                    .toList();
        }
    }

    private static Set<String> linkedLibraries(List<Path> natives) {
        Set<String> sonames = new TreeSet<>();
        for (Path library : natives) {
            Finished headers = Commands.run(QUICK, "objdump", "-p", library.toString());
            assertThat(headers.exitCode()).as(headers.output()).isZero();
            headers.output()
                    .lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("NEEDED"))
                    .map(line -> line.substring("NEEDED".length()).strip())
                    .forEach(sonames::add);
        }
        return sonames;
    }

    /** The installed package that provides a library, as the dynamic linker would find it; null if none does. */
    private static String packageProviding(String soname) throws IOException {
        Finished cache = Commands.run(QUICK, "ldconfig", "-p");
        for (String line : cache.output().lines().toList()) {
            String entry = line.strip();
            if (!entry.startsWith(soname + " ") || !entry.contains("x86-64")) {
                continue;
            }
            Path found = Path.of(entry.substring(entry.lastIndexOf("=> ") + 3));
            // dpkg knows a file by the path its package ships, which on a merged-/usr system may differ from
            // the one the linker's cache lists.
            Set<String> candidates =
                    new HashSet<>(List.of(found.toString(), found.toRealPath().toString()));
            for (String path : List.copyOf(candidates)) {
                candidates.add(path.startsWith("/usr/") ? path.substring(4) : "/usr" + path);
            }
            for (String path : candidates) {
                Finished search = Commands.run(QUICK, "dpkg-query", "--search", path);
                if (search.exitCode() == 0) {
                    String owner = search.output().lines().findFirst().orElseThrow();
                    return owner.substring(0, owner.indexOf(':'));
                }
            }
        }
        return null;
    }

    private static String field(Path deb, String name) {
        Finished field = Commands.run(QUICK, "dpkg-deb", "--field", deb.toString(), name);
        assertThat(field.exitCode()).as(field.output()).isZero();
        return field.output().strip();
    }

    /** What dpkg knows of the installed packages. */
    private static final class Debian {

        /** Every installed package that the given dependency field brings, following their own dependencies. */
        static Set<String> closureOf(String dependencies) {
            Map<String, String> providers = virtualPackages();
            Set<String> seen = new HashSet<>();
            ArrayDeque<String> queue = new ArrayDeque<>(installedAlternatives(dependencies, providers));
            while (!queue.isEmpty()) {
                String name = queue.poll();
                if (seen.add(name)) {
                    Finished fields = Commands.run(QUICK, "dpkg-query", "-W", "-f=${Depends}, ${Pre-Depends}", name);
                    if (fields.exitCode() == 0) {
                        queue.addAll(installedAlternatives(fields.output(), providers));
                    }
                }
            }
            return seen;
        }

        /** For {@code a (>= 1) | b, c:any}: whichever of a and b is installed, and c, by their real names. */
        private static Set<String> installedAlternatives(String field, Map<String, String> providers) {
            Set<String> names = new HashSet<>();
            for (String group : field.split(",")) {
                for (String alternative : group.split("\\|")) {
                    String name =
                            alternative.replaceAll("\\(.*?\\)", "").strip().replaceAll(":.*", "");
                    if (name.isEmpty()) {
                        continue;
                    }
                    String real = providers.getOrDefault(name, name);
                    if (ConsoleDebPackageIT.isInstalled(real)) {
                        names.add(real);
                    }
                }
            }
            return names;
        }

        private static Map<String, String> virtualPackages() {
            Finished all = Commands.run(QUICK, "dpkg-query", "-W", "-f=${Package}\t${Provides}\n");
            Map<String, String> providers = new HashMap<>();
            for (String line : all.output().lines().toList()) {
                String[] columns = line.split("\t", 2);
                if (columns.length == 2) {
                    for (String provided : columns[1].split(",")) {
                        String name = provided.replaceAll("\\(.*?\\)", "").strip();
                        if (!name.isEmpty()) {
                            providers.putIfAbsent(name, columns[0]);
                        }
                    }
                }
            }
            return providers;
        }

        static boolean isRequired(String name) {
            Finished priority = Commands.run(QUICK, "dpkg-query", "-W", "-f=${Priority}", name);
            return priority.output().strip().equals("required");
        }
    }
}
