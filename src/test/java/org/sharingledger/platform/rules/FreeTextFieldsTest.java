package org.sharingledger.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every string of every command body the API takes (and the pages' forms fill the same records) carries
 * {@link FreeText}, so that no free text smuggles a child's NHS number into an event: but the fields meant for the
 * child's identifiers, which are sealed or only pseudonymised, and passwords, which are only hashed. A new field
 * without it fails here.
 */
class FreeTextFieldsTest {

    /** The fields that may hold the child's identifiers or a password: never stored in clear. */
    private static final Set<String> EXEMPT = Set.of(
            "Requests$Subject.nhsNumber",
            "Requests$Subject.localReference",
            "Requests$Subject.name",
            "SubjectController$Erasure.nhsNumber",
            "SubjectController$Erasure.localReference",
            "GrantController$NewGrant.nhsNumber",
            "GrantController$NewGrant.localReference",
            "TimelineController$Query.nhsNumber",
            "TimelineController$Query.localReference",
            "UserAdministration$NewUser.password",
            "UserAdministration$NewPassword.currentPassword",
            "UserAdministration$NewPassword.newPassword");

    @Test
    void everyStringOfEveryCommandBodyIsFreeTextButTheChildsIdentifiersAndPasswords() throws Exception {
        Set<String> checked = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        Set<String> exempted = new TreeSet<>();
        for (Class<?> controller : controllers()) {
            for (Method method : controller.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        walk(parameter.getParameterizedType(), checked, missing, exempted);
                    }
                }
            }
        }

        assertThat(missing).as("strings of command bodies without @FreeText").isEmpty();
        assertThat(exempted).as("every exemption names a real field").containsExactlyInAnyOrderElementsOf(EXEMPT);
        assertThat(checked)
                .as("the free-text fields found")
                .contains(
                        "Requests$Share.rationale",
                        "Registry$NewAgency.name",
                        "GrantController$NewGrant.caseReference");
    }

    private static void walk(Type type, Set<String> checked, Set<String> missing, Set<String> exempted) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                walk(argument, checked, missing, exempted);
            }
            return;
        }
        if (!(type instanceof Class<?> record) || !record.isRecord()) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String name = ClassUtils.getShortName(record).replace('.', '$') + "." + component.getName();
            if (component.getType() == String.class) {
                if (EXEMPT.contains(name)) {
                    exempted.add(name);
                } else if (hasFreeText(record, component)) {
                    checked.add(name);
                } else {
                    missing.add(name);
                }
            } else {
                walk(component.getGenericType(), checked, missing, exempted);
            }
        }
    }

    private static boolean hasFreeText(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName()).isAnnotationPresent(FreeText.class)
                    || component.getAccessor().isAnnotationPresent(FreeText.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Class<?>> controllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> controllers = new java.util.LinkedHashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.sharingledger")) {
            controllers.add(Class.forName(candidate.getBeanClassName()));
        }
        assertThat(controllers).as("the API's controllers").hasSizeGreaterThan(5);
        return controllers;
    }
}
