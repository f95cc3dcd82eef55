package org.breadbot.processor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.breadbot.processor.store.MemberRow;
import org.junit.jupiter.api.Test;

class DisplayNameTest {

    @Test
    void aNameThatLooksLikeAMentionCannotMentionAnyone() {
        var member = new MemberRow(1, 42, "impostor", "@boss", "и @admin_team", false);

        String name = MemberPool.displayName(member);

        assertThat(name).doesNotContainPattern("@[A-Za-z0-9_]").isEqualTo("@\u2060boss и @\u2060admin_team");
    }

    @Test
    void ordinaryNamesAreUnchanged() {
        assertThat(MemberPool.displayName(new MemberRow(1, 42, "alice", " Alice ", "Liddell", false)))
                .isEqualTo("Alice Liddell");
    }
}
