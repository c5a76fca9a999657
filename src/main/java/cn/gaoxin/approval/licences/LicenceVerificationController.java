package cn.gaoxin.approval.licences;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Public verification of a licence by scanning its QR code (一码通行): answers valid, revoked/suspended or forged,
 * and shows only what the licence itself shows (holder, credit code, permits, dates) — no ID or phone numbers.
 */
@RestController
public class LicenceVerificationController {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));

  private final LicenceRegister register;
  private final LicenceSigner signer;

  public LicenceVerificationController(LicenceRegister register, LicenceSigner signer) {
    this.register = register;
    this.signer = signer;
  }

  @GetMapping(path = "/verify/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> verify(@PathVariable String number,
      @RequestParam(name = "sig", required = false) String signature) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("licenceNumber", number);
    Licence licence = signer.verify(number, signature) ? register.byNumber(number).orElse(null) : null;
    if (licence == null) {
      body.put("result", "FORGED");
      body.put("resultText", "验证失败: 证照编号或防伪签名不符, 该证照不是本平台核发的有效证照");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
    body.put("result", licence.status().name());
    body.put("resultText", licence.status() == LicenceStatus.VALID ? "有效" : licence.status().label());
    body.put("title", licence.title());
    body.put("holderName", licence.holderName());
    body.put("holderCreditCode", licence.holderCreditCode());
    body.put("permits", licence.permits());
    body.put("issuedBy", licence.issuedBy());
    body.put("issuedAt", DATE.format(licence.issuedAt()));
    body.put("validUntil", licence.validUntil() == null ? "长期" : licence.validUntil().toString());
    if (licence.status() != LicenceStatus.VALID) {
      body.put("statusChangedAt", licence.statusChangedAt() == null ? null : DATE.format(licence.statusChangedAt()));
    }
    return ResponseEntity.ok(body);
  }

  /** The same answer as a page, for a phone that scanned the code. */
  @GetMapping(path = "/verify/{number}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> verifyPage(@PathVariable String number,
      @RequestParam(name = "sig", required = false) String signature) {
    ResponseEntity<Map<String, Object>> answer = verify(number, signature);
    Map<String, Object> body = answer.getBody();
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>证照核验</title>"
        + "<style>body{font-family:sans-serif;margin:1.5em}dt{color:#666}dd{margin:0 0 .8em 0;font-size:1.1em}"
        + ".VALID{color:#1a7f37}.REVOKED,.CANCELLED,.SUSPENDED,.FORGED{color:#c62828}</style></head><body><h1>证照核验</h1>");
    html.append("<p class=\"").append(body.get("result")).append("\"><strong>")
        .append(HtmlUtils.htmlEscape(String.valueOf(body.get("resultText")))).append("</strong></p><dl>");
    String[][] rows = {{"licenceNumber", "证照编号"}, {"title", "证照名称"}, {"holderName", "持证主体"},
        {"holderCreditCode", "统一社会信用代码"}, {"permits", "许可事项"}, {"issuedBy", "发证机关"},
        {"issuedAt", "发证日期"}, {"validUntil", "有效期至"}};
    for (String[] row : rows) {
      if (body.containsKey(row[0])) {
        html.append("<dt>").append(row[1]).append("</dt><dd>")
            .append(HtmlUtils.htmlEscape(String.valueOf(body.get(row[0])))).append("</dd>");
      }
    }
    html.append("</dl></body></html>");
    return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.TEXT_HTML).body(html.toString());
  }

  /** The QR code image of a licence; only with a valid signature, so the image cannot be generated for guesses. */
  @GetMapping(path = "/verify/{number}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  public ResponseEntity<byte[]> qr(@PathVariable String number, @RequestParam(name = "sig", required = false) String signature) {
    if (!signer.verify(number, signature) || register.byNumber(number).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(QrCodes.png(signer.verificationUrl(number), 320));
  }
}
