package org.sharingledger.projections.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.LineNumberReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.Outcome;

/**
 * {@code messages.properties} is the one source of words for codes: every value of every enum people can read (each
 * enum in an {@code api} package or the shared kernel, and each marked {@link Labelled}) has a label, and every key
 * there names such a value.
 */
class VocabularyTest {

    private static Map<String, List<String>> enums;
    private static Map<String, String> messages;

    @BeforeAll
    static void readTheEnumsAndTheMessages() throws IOException {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sharingledger");
        enums = new LinkedHashMap<>();
        for (JavaClass type : classes) {
            if (type.isEnum() && labelled(type)) {
                List<String> values = new ArrayList<>();
                for (JavaEnumConstant constant : type.getEnumConstants()) {
                    values.add(constant.name());
                }
                enums.put(Vocabulary.family(type.reflect()), values);
            }
        }
        messages = read();
    }

    @Test
    void everyValueOfEveryEnumPeopleReadHasALabel() {
        assertThat(enums)
                .as("enums found")
                .containsKeys(
                        "Outcome",
                        "ConsentStatus",
                        "RequestStatus",
                        "LawfulBasis",
                        "Sector",
                        "Role",
                        "SubjectKind",
                        "Verification.Kind",
                        "Step",
                        "GrantSubject",
                        "Funnel.Flag");

        assertThat(missing(enums, messages.keySet()))
                .as("values without a label in messages.properties")
                .isEmpty();
    }

    @Test
    void everyLabelNamesAValueOfSuchAnEnum() {
        assertThat(unused(enums, messages.keySet()))
                .as("keys in messages.properties that name no enum value")
                .isEmpty();
    }

    @Test
    void aFamilyWithSentenceFormsHasOneForEveryValue() {
        assertThat(missingSentences(enums, messages.keySet()))
                .as("values without their form in a sentence")
                .isEmpty();
    }

    @Test
    void theChecksNameWhatIsMissingAndWhatIsUnused() {
        Map<String, List<String>> outcome = Map.of("Outcome", List.of("SHARED", "REFUSAL_UPHELD"));
        Set<String> keys = Set.of("Outcome.SHARED", "Outcome.SHARD", "Outcome.SHARED.inSentence", "Stage.X");

        assertThat(missing(outcome, keys)).containsExactly("Outcome.REFUSAL_UPHELD");
        assertThat(unused(outcome, keys)).containsExactly("Outcome.SHARD", "Stage.X");
        assertThat(missingSentences(outcome, keys)).containsExactly("Outcome.REFUSAL_UPHELD.inSentence");
    }

    @Test
    void theWordsAreReadThroughTheMessageSourceAndNothingIsGuessed() {
        Vocabulary words = Vocabularies.standalone();

        assertThat(words.label(Outcome.SHARED)).isEqualTo("Shared after escalation");
        assertThat(words.label("ConsentStatus", "REFUSED")).isEqualTo("Refused");
        assertThat(words.label("RequestStatus", "SHARED")).isEqualTo("Shared in full");
        assertThat(words.label("Sector", "CHILDRENS_SOCIAL_CARE")).isEqualTo("Children's social care");
        assertThat(words.inSentence("Stage", "LINE_MANAGER")).isEqualTo("the line manager");
        assertThat(words.label("Reason", null)).isEqualTo(Vocabulary.NONE);
        assertThat(words.label("Reason", "SOMETHING_NEW"))
                .as("shown as the code, not made up")
                .isEqualTo("SOMETHING_NEW");
    }

    @Test
    void everyLawfulBasisNamesItsArticleOfTheUkGdprTheSameWay() {
        char letter = 'a';
        for (LawfulBasis basis : LawfulBasis.values()) {
            assertThat(messages.get("LawfulBasis." + basis)).endsWith(" (UK GDPR art. 6(1)(" + letter++ + "))");
        }
    }

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        try (LineNumberReader lines = new LineNumberReader(new InputStreamReader(stream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0 && !seen.add(line.substring(0, equals))) {
                    twice.add(line.substring(0, equals) + " (line " + lines.getLineNumber() + ")");
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    /** The keys the values need that the messages lack. */
    static List<String> missing(Map<String, List<String>> enums, Set<String> keys) {
        List<String> missing = new ArrayList<>();
        enums.forEach((family, values) -> values.stream()
                .map(value -> family + "." + value)
                .filter(key -> !keys.contains(key))
                .forEach(missing::add));
        return missing;
    }

    /** The keys that name no value (a sentence form counts as its value's). */
    static List<String> unused(Map<String, List<String>> enums, Set<String> keys) {
        Set<String> known = new HashSet<>();
        enums.forEach((family, values) -> values.forEach(value -> known.add(family + "." + value)));
        return new TreeSet<>(keys)
                .stream()
                        .filter(key -> !known.contains(
                                key.endsWith(Vocabulary.IN_SENTENCE)
                                        ? key.substring(0, key.length() - Vocabulary.IN_SENTENCE.length())
                                        : key))
                        .toList();
    }

    /** For each family with any sentence form, the values without one. */
    static List<String> missingSentences(Map<String, List<String>> enums, Set<String> keys) {
        List<String> missing = new ArrayList<>();
        enums.forEach((family, values) -> {
            if (values.stream().anyMatch(value -> keys.contains(family + "." + value + Vocabulary.IN_SENTENCE))) {
                values.stream()
                        .map(value -> family + "." + value + Vocabulary.IN_SENTENCE)
                        .filter(key -> !keys.contains(key))
                        .forEach(missing::add);
            }
        });
        return missing;
    }

    private static boolean labelled(JavaClass type) {
        String name = type.getPackageName();
        return name.endsWith(".api")
                || name.contains(".api.")
                || name.equals("org.sharingledger.kernel")
                || name.startsWith("org.sharingledger.kernel.")
                || type.isAnnotatedWith(Labelled.class);
    }

    private static Map<String, String> read() throws IOException {
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(stream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> read = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> read.put(key, properties.getProperty(key)));
        return read;
    }

    private static InputStream stream() {
        InputStream stream = VocabularyTest.class.getResourceAsStream("/messages.properties");
        assertThat(stream).as("messages.properties on the classpath").isNotNull();
        return stream;
    }
}
