package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

class UpdateFilterTest {

    private final UpdateRecord aliceInGroup = UpdateRecord.of(UpdateRecordTest.record("-1",
            Updates.text("a").inGroup(-1L).from(TestUsers.ALICE).bytes()));
    private final UpdateRecord bobEdits = UpdateRecord.of(UpdateRecordTest.record("-2",
            Updates.text("b").inGroup(-2L).from(TestUsers.BOB).edited().bytes()));
    private final UpdateRecord garbage = UpdateRecord.of(UpdateRecordTest.record("x", "x".getBytes()));

    @Test
    void emptyFilterKeepsEverything() {
        assertThat(UpdateFilter.ANY.test(aliceInGroup)).isTrue();
        assertThat(UpdateFilter.ANY.test(garbage)).isTrue();
    }

    @Test
    void eachKindOfCriterionMustMatchOneOfItsValues() {
        UpdateFilter chats = new UpdateFilter(Set.of(-1L, -3L), Set.of(), Set.of());
        UpdateFilter edits = new UpdateFilter(Set.of(), Set.of("edited_message"), Set.of());
        UpdateFilter aliceInChatTwo = new UpdateFilter(Set.of(-2L), Set.of(), Set.of(TestUsers.ALICE.id()));

        assertThat(chats.test(aliceInGroup)).isTrue();
        assertThat(chats.test(bobEdits)).isFalse();
        assertThat(edits.test(bobEdits)).isTrue();
        assertThat(edits.test(aliceInGroup)).isFalse();
        assertThat(aliceInChatTwo.test(aliceInGroup)).isFalse();
        assertThat(aliceInChatTwo.test(bobEdits)).isFalse();
    }

    @Test
    void recordWithoutTheDimensionDoesNotMatchAFilterOnIt() {
        assertThat(new UpdateFilter(Set.of(-1L), Set.of(), Set.of()).test(garbage)).isFalse();
        assertThat(new UpdateFilter(Set.of(), Set.of("message"), Set.of()).test(garbage)).isFalse();
        assertThat(new UpdateFilter(Set.of(), Set.of(), Set.of(1L)).test(garbage)).isFalse();
    }
}
