import { applyOperations } from '../../src/model/apply-operations.ts';
import { type Architecture, emptyArchitecture } from '../../src/model/architecture.ts';
import { EmbeddedPlanner } from '../../src/planner/embedded/embedded-planner.ts';
import { touchedIds } from '../../src/planner/session.ts';

const planner = new EmbeddedPlanner();

/** A conversation with the planner alone: "it" is what the previous message touched, as in the service. */
export function conversation() {
  let architecture = emptyArchitecture();
  let focus: string[] = [];
  return {
    get architecture(): Architecture {
      return architecture;
    },
    say(...messages: string[]): Architecture {
      for (const message of messages) {
        const plan = planner.planSync({ architecture, message, focus });
        const touched = touchedIds(plan);
        if (touched.length > 0) focus = touched;
        const applied = applyOperations(architecture, plan.operations);
        if (!applied.ok) throw applied.error;
        architecture = applied.architecture;
      }
      return architecture;
    },
  };
}

/** Plays messages as one fresh conversation and returns the resulting architecture. */
export function play(...messages: string[]): Architecture {
  return conversation().say(...messages);
}

/** Component kinds, sorted. */
export function kinds(arch: Architecture): string[] {
  return arch.components.map((c) => c.kind).sort();
}

/** Connections as sorted `fromKind>toKind:access`. */
export function links(arch: Architecture): string[] {
  const kindOf = new Map(arch.components.map((c) => [c.id, c.kind]));
  return arch.connections.map((c) => `${kindOf.get(c.from)}>${kindOf.get(c.to)}:${c.access}`).sort();
}

/** Components as sorted kinds, connections as sorted `fromKind>toKind:access`. */
export function shape(arch: Architecture): { kinds: string[]; links: string[] } {
  return { kinds: kinds(arch), links: links(arch) };
}
