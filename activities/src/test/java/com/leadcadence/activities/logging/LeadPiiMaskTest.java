package com.leadcadence.activities.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LeadPiiMaskTest {
  private final LeadPiiMask mask = new LeadPiiMask("Jane", "Doe", "jane.doe@example.com", "+13125550123");

  @Test
  void theLeadsOwnDetailsAreMaskedWhereverTheyAppear() {
    assertEquals("call J*** d*** at +1312***0123 or ***0123 (j***@example.com)",
        mask.text("call Jane doe at +13125550123 or 3125550123 (jane.doe@example.com)"));
  }

  @Test
  void otherAddressesAreMaskedByTheirShape() {
    assertEquals("bounced: b***@example.org; rang +4479***0123 and ***0199",
        mask.text("bounced: bob@example.org; rang +447911120123 and (773) 555-0199"));
    assertEquals("Janet and Doerr stay: only whole names", mask.text("Janet and Doerr stay: only whole names"));
  }

  @Test
  void jsonContactFieldsAndMessageTextAreMasked() {
    String masked = mask.json("{\"contact\":{\"firstName\":\"Sam\",\"lastName\":\"Okafor\",\"email\":\"sam@x.example\","
        + "\"phone\":\"+17735550199\"},\"body\":\"Hi Sam, see you\",\"stepId\":\"sms-2\",\"leadId\":42}");
    assertEquals("{\"contact\":{\"firstName\":\"S***\",\"lastName\":\"O***\",\"email\":\"s***@x.example\","
        + "\"phone\":\"+1773***0199\"},\"body\":\"[15 characters]\",\"stepId\":\"sms-2\",\"leadId\":42}", masked);
    assertFalse(mask.json("not json: jane.doe@example.com").contains("jane.doe"));
  }
}
