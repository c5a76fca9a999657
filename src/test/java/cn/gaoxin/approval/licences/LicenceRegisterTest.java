package cn.gaoxin.approval.licences;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.ScenarioTest;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LicenceRegisterTest extends ScenarioTest {

  @Autowired LicenceRegister register;
  @Autowired LicenceSigner signer;
  @Autowired LicenceVerificationController verification;

  private Licence issue(String caseNumber, String subject) {
    return register.issue(new LicenceRegister.IssueRequest(caseNumber, null, "ONE_INDUSTRY", "行业综合许可证",
        "湘潭某某餐饮有限公司", CREDIT_CODE, subject, List.of("营业执照", "公共场所卫生许可"), "高新区行政审批局", null));
  }

  @Test
  void issuingTwiceForTheSameCaseReturnsTheSameLicence() {
    Licence first = issue("GX-2026-900001", null);
    Licence again = issue("GX-2026-900001", null);
    assertThat(again.number()).isEqualTo(first.number());
    assertThat(register.forCase("GX-2026-900001")).hasSize(1);
    assertThat(issue("GX-2026-900001", "1-101").number()).isNotEqualTo(first.number());
    assertThat(first.number()).matches("GXZ-\\d{4}-\\d{6}");
  }

  @Test
  void aSignedLinkVerifiesBothPermitsAndShowsNothingPrivate() {
    Licence licence = issue("GX-2026-900002", null);
    var answer = verification.verify(licence.number(), signer.sign(licence.number()));
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> body = answer.getBody();
    assertThat(body).containsEntry("result", "VALID").containsEntry("holderName", "湘潭某某餐饮有限公司");
    assertThat(body.get("permits")).isEqualTo(List.of("营业执照", "公共场所卫生许可"));
    assertThat(body.toString()).doesNotContain(PHONE);
  }

  @Test
  void aRevokedLicenceVerifiesAsRevoked() {
    Licence licence = issue("GX-2026-900003", null);
    assertThat(register.changeStatus(licence.number(), LicenceStatus.REVOKED, "虚假承诺")).isTrue();
    assertThat(register.changeStatus(licence.number(), LicenceStatus.SUSPENDED, "再次")).isFalse();
    var body = verification.verify(licence.number(), signer.sign(licence.number())).getBody();
    assertThat(body).containsEntry("result", "REVOKED").containsEntry("resultText", "已撤销");
  }

  @Test
  void aForgedSignatureOrMadeUpNumberIsReportedAsForged() {
    Licence licence = issue("GX-2026-900004", null);
    String otherSignature = signer.sign("GXZ-2026-999999");
    var forged = verification.verify(licence.number(), otherSignature);
    assertThat(forged.getStatusCode().value()).isEqualTo(404);
    assertThat(forged.getBody()).containsEntry("result", "FORGED").doesNotContainKey("holderName");
    assertThat(verification.verify("GXZ-2026-999999", otherSignature).getBody()).containsEntry("result", "FORGED");
    assertThat(verification.verify(licence.number(), null).getBody()).containsEntry("result", "FORGED");
  }

  @Test
  void theQrCodeDecodesToTheSignedVerificationLink() throws Exception {
    Licence licence = issue("GX-2026-900005", null);
    byte[] png = verification.qr(licence.number(), signer.sign(licence.number())).getBody();
    var image = ImageIO.read(new ByteArrayInputStream(png));
    String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        .getText();
    assertThat(text).isEqualTo(signer.verificationUrl(licence.number())).contains("/verify/" + licence.number() + "?sig=");
    assertThat(verification.qr(licence.number(), "bad").getStatusCode().value()).isEqualTo(404);
  }
}
