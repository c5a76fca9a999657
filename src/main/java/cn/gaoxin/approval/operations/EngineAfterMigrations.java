package cn.gaoxin.approval.operations;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for the database migrations (Flyway): with schema-update off, the engine's tables
 * must exist before it starts, and it is Flyway that creates them (CamundaSchemaMigration). Registered in
 * META-INF/spring.factories, Spring Boot's hook for "this bean needs the database initialized first".
 */
public class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class);
  }
}
