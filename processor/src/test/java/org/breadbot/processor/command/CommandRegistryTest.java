package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CommandRegistryTest {

    private static ChatCommand command(CommandSpec spec) {
        return new ChatCommand() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public Mono<CommandResult> execute(CommandContext context) {
                return Mono.just(CommandResult.pass());
            }
        };
    }

    private static CommandSpec spec(String name, String... aliases) {
        return new CommandSpec(name, List.of(aliases), ArgumentShape.BARE, false, "", List.of());
    }

    @Test
    void theCatalogueHasAll34HCommandsInDeclarationOrderBeforeTheLegacyOnes() {
        List<CommandSpec> all = CommandCatalogue.all();
        List<CommandSpec> h = all.subList(0, 34);
        assertThat(h.get(0)).isEqualTo(CommandCatalogue.SHOW);
        assertThat(h.get(13)).isEqualTo(CommandCatalogue.WHO);
        assertThat(h.get(33)).isEqualTo(CommandCatalogue.ADVICE);
        assertThat(h.stream().mapToInt(spec -> spec.aliases().size()).sum()).isEqualTo(109);
        assertThat(all.get(34)).isEqualTo(CommandCatalogue.EDIT_REACTION);
    }

    @Test
    void theCatalogueHasNoDuplicateAlias() {
        assertThat(new CommandRegistry(List.of()).specs()).isEqualTo(CommandCatalogue.all());
    }

    @Test
    void aDuplicateAliasFailsStartUp() {
        ChatCommand clash = command(spec("WHOEVER", "кто-то", "кто"));
        assertThatThrownBy(() -> new CommandRegistry(List.of(clash)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'кто'")
                .hasMessageContaining("WHO")
                .hasMessageContaining("WHOEVER");
    }

    @Test
    void aDuplicateAliasDifferingOnlyInCaseFailsStartUp() {
        ChatCommand clash = command(spec("LOUD", "ТОП"));
        assertThatThrownBy(() -> new CommandRegistry(List.of(clash))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoImplementationsOfOneCommandFailStartUp() {
        assertThatThrownBy(() -> new CommandRegistry(
                List.of(command(CommandCatalogue.TOP), command(CommandCatalogue.TOP))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOP");
    }

    @Test
    void implementedCommandsAreFoundAndOthersAreAbsent() {
        ChatCommand top = command(CommandCatalogue.TOP);
        CommandRegistry registry = new CommandRegistry(List.of(top));
        assertThat(registry.command(CommandCatalogue.TOP)).containsSame(top);
        assertThat(registry.command(CommandCatalogue.STATS)).isEmpty();
    }

    @Test
    void aNewCommandIsAppendedAfterTheCatalogue() {
        CommandRegistry registry = new CommandRegistry(List.of(command(spec("NEW", "новое"))));
        int catalogue = CommandCatalogue.all().size();
        assertThat(registry.specs()).hasSize(catalogue + 1);
        assertThat(registry.specs().get(catalogue).name()).isEqualTo("NEW");
    }

    @Test
    void aliasLookupIsExactAndCaseSensitive() {
        CommandRegistry registry = new CommandRegistry(List.of());
        assertThat(registry.specByAlias("процент")).contains(CommandCatalogue.ANSWER_CHANCE);
        assertThat(registry.specByAlias("процент бреда")).contains(CommandCatalogue.MORPH_ANSWER_CHANCE);
        assertThat(registry.specByAlias("Процент")).isEmpty();
    }
}
