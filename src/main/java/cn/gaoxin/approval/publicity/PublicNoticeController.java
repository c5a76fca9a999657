package cn.gaoxin.approval.publicity;

import cn.gaoxin.approval.identifiers.Masking;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of a public notice (公示): anyone may read the list of cases under notice and lodge an
 * objection (异议) to one of them while its notice runs. The objection reaches the case as a message.
 */
@RestController
@RequestMapping("/api/public-notices")
public class PublicNoticeController {

  private final PublicNotices notices;

  public PublicNoticeController(PublicNotices notices) {
    this.notices = notices;
  }

  @GetMapping
  public List<PublicNotices.Entry> current() {
    // public: the summary is free text written by clerks, shown with phone and identity numbers masked
    return notices.current().stream().map(e -> new PublicNotices.Entry(e.caseNumber(), e.applicantName(), e.itemName(),
        Masking.text(e.summary()), e.startsAt(), e.endsAt())).toList();
  }

  @PostMapping("/{caseNumber}/objections")
  public ResponseEntity<Map<String, String>> object(@PathVariable String caseNumber,
      @RequestBody PublicNotices.Objection objection) {
    try {
      notices.object(caseNumber, objection);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    } catch (PublicNotices.ObjectionRefusedException e) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(Map.of("error", e.getMessage()));
    }
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber,
        "message", "异议已收到, 将在公示期内核查并联系您"));
  }
}
