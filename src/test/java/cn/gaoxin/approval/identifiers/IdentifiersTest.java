package cn.gaoxin.approval.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91430300MA4L00000R", "91500000MA5U00000W"})
  void validCreditCodesPass(String code) {
    assertThat(CreditCode.problem(code)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "91350100M000100Y44|校验位错误",
      "91350100M000100Y4|应为 18 位",
      "91350100M000100Y433|应为 18 位",
      "91350100I000100Y43|第 9 位字符 'I' 不合法",
      "91AB0100M000100Y43|行政区划码",
      "9135010oM000100Y43|不合法",
      "' '|不能为空",
  })
  void invalidCreditCodesSayWhatIsWrong(String code, String expected) {
    assertThat(CreditCode.problem(code.isBlank() ? "" : code)).hasValueSatisfying(p -> assertThat(p).contains(expected));
  }

  @Test
  void residentIdNumbersFollowGb11643() {
    String first17 = "11010519491231002";
    String valid = first17 + ResidentIdNumber.checkCharacter(first17);
    assertThat(valid).isEqualTo("11010519491231002X");
    assertThat(ResidentIdNumber.problem(valid)).isEmpty();
    assertThat(ResidentIdNumber.problem("110105194912310021")).hasValueSatisfying(p -> assertThat(p).contains("校验位"));
    assertThat(ResidentIdNumber.problem("110105194902300021")).hasValueSatisfying(p -> assertThat(p).contains("出生日期不存在"));
    assertThat(ResidentIdNumber.problem("11010519491231002x")).hasValueSatisfying(p -> assertThat(p).contains("大写 X"));
    assertThat(Masking.idNumber(valid)).isEqualTo("1101**********002X");
  }

  @Test
  void phonesAreCheckedAndMasked() {
    assertThat(PhoneNumbers.isValidMobile("13812345678")).isTrue();
    assertThat(PhoneNumbers.isValidMobile("12812345678")).isFalse();
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
  }

  @Test
  void freeTextIsMaskedWithoutTouchingOtherNumbers() {
    String text = "联系人张三 13812345678, 身份证 11010519491231002X; 案件 GX-2026-000123, 信用代码 91350100M000100Y43, "
        + "时间戳 1763798400000, 编号 a13812345678, 假身份证 110105194912310021";
    assertThat(Masking.text(text)).isEqualTo("联系人张三 138****5678, 身份证 1101**********002X; 案件 GX-2026-000123, "
        + "信用代码 91350100M000100Y43, 时间戳 1763798400000, 编号 a13812345678, 假身份证 110105194912310021");
    assertThat(Masking.text(null)).isNull();
  }
}
