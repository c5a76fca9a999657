package cn.gaoxin.approval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling // the notice dispatcher and follow-up sweep run on schedules
public class ApprovalApplication {
  public static void main(String[] args) {
    SpringApplication.run(ApprovalApplication.class, args);
  }
}
