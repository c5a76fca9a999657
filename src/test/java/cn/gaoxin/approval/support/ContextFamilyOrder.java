package cn.gaoxin.approval.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs test classes grouped by the Spring context they need (plain tests, then the H2 application context, then
 * PostgreSQL), so that with one cached context at a time (spring.properties) each context is built about once.
 */
public class ContextFamilyOrder implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparingInt(ContextFamilyOrder::family)
        .thenComparing(d -> d.getTestClass().getName()));
  }

  private static int family(ClassDescriptor descriptor) {
    Class<?> type = descriptor.getTestClass();
    if (usesPostgres(type)) {
      return 2;
    }
    return ScenarioTest.class.isAssignableFrom(type) || hasSpringBootTest(type) ? 1 : 0;
  }

  private static boolean usesPostgres(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      ExtendWith extendWith = c.getAnnotation(ExtendWith.class);
      if (extendWith != null && java.util.Arrays.asList(extendWith.value()).contains(PostgresAvailable.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSpringBootTest(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(org.springframework.boot.test.context.SpringBootTest.class)) {
        return true;
      }
    }
    return false;
  }
}
