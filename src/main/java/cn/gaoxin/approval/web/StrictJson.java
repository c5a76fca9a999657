package cn.gaoxin.approval.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's API reads JSON as written: a number where text is expected, text where a yes/no or a number is
 * expected, is a type error (400 "字段 … 的类型不对"), not silently converted (an applicant name {@code 123}, a
 * commitment {@code "yes"}). Unknown fields are refused too (spring.jackson.deserialization).
 */
@Configuration
public class StrictJson {

  @Bean
  public Jackson2ObjectMapperBuilderCustomizer strictScalars() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.coercionConfigFor(LogicalType.Textual)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Boolean)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
        mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      }
    });
  }
}
