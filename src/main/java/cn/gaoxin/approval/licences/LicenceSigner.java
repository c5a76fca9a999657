package cn.gaoxin.approval.licences;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs verification links: the QR code on a licence carries {@code /verify/<number>?sig=<HMAC-SHA256>}, so a
 * printed number cannot be made up or altered without the signature failing. The key is configuration
 * ({@code approval.licences.signing-key}); the postgres profile requires it to be set.
 */
@Component
public class LicenceSigner {

  private final SecretKeySpec key;
  private final String baseUrl;

  public LicenceSigner(@Value("${approval.licences.signing-key}") String key,
      @Value("${approval.licences.verify-base-url:http://localhost:8080}") String baseUrl) {
    if (key == null || key.length() < 16) {
      throw new IllegalStateException("证照签名密钥 approval.licences.signing-key 至少 16 个字符");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String sign(String licenceNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(licenceNumber.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
    } catch (Exception e) {
      throw new IllegalStateException("无法生成证照签名", e);
    }
  }

  public boolean verify(String licenceNumber, String signature) {
    if (licenceNumber == null || signature == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(licenceNumber).getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8));
  }

  public String verificationUrl(String licenceNumber) {
    return baseUrl + "/verify/" + licenceNumber + "?sig=" + sign(licenceNumber);
  }
}
