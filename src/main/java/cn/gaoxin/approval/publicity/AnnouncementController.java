package cn.gaoxin.approval.publicity;

import cn.gaoxin.approval.identifiers.Masking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public, read-only: announcements (公示) are published information. */
@RestController
@RequestMapping("/api/announcements")
public class AnnouncementController {

  public record Summary(long id, String caseNumber, String kind, String title, Instant publishedAt, Instant validUntil) {}

  public record Full(long id, String caseNumber, String kind, String title, String body, JsonNode items,
      Instant publishedAt, Instant validUntil) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final PublicAnnouncements announcements;

  public AnnouncementController(PublicAnnouncements announcements) {
    this.announcements = announcements;
  }

  @GetMapping
  public List<Summary> list(@RequestParam(required = false) String kind,
      @RequestParam(required = false) String caseNumber, @RequestParam(defaultValue = "100") int limit) {
    return announcements.list(kind, caseNumber, limit).stream()
        .map(a -> new Summary(a.id(), a.caseNumber(), a.kind(), a.title(), a.publishedAt(), a.validUntil())).toList();
  }

  @GetMapping("/{id}")
  public ResponseEntity<?> one(@PathVariable long id) throws Exception {
    var found = announcements.byId(id);
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "未找到该公示"));
    }
    var a = found.get();
    // published to everyone: a list a model publishes may carry contact phones or identity numbers, shown masked
    return ResponseEntity.ok(new Full(a.id(), a.caseNumber(), a.kind(), a.title(), Masking.text(a.body()),
        a.items() == null ? null : JSON.readTree(Masking.text(a.items())), a.publishedAt(), a.validUntil()));
  }
}
