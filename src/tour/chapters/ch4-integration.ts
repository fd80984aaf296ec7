import type { Scenario, StoreName } from "../../sim/types";
import { defaultWith, linkCountLabel, pointToPointLinks } from "../scenarios";
import type { Chapter, TourStep } from "../types";

function integration(stores: StoreName[], clients: number): Scenario {
  return defaultWith("dual-write", {}, { stores, clients });
}

/** A step per store count: the link count on screen is computed from the scenario, never typed. */
function linksStep(
  id: string,
  title: string,
  caption: string,
  stores: StoreName[],
  clients: number,
  lanes: string[],
): TourStep {
  const scenario = integration(stores, clients);
  return {
    id: `integration/${id}`,
    title,
    caption,
    scenario,
    play: { to: 1000 },
    spotlight: { lanes },
    evidence: { keys: ["x", "y", "z"] },
    expects: {},
    shows: { links: pointToPointLinks(scenario) },
    overlay: linkCountLabel(scenario),
  };
}

export const chapter4: Chapter = {
  number: 4,
  title: "Data stores integration",
  steps: [
    linksStep(
      "one-store",
      "One store",
      "Two writers and one database: each writer keeps one connection and the database sorts out the rest.",
      ["db"],
      2,
      ["client-1", "client-2", "db"],
    ),
    linksStep(
      "add-cache",
      "Add a cache",
      "A cache joins. Every writer must now also update the cache, so every writer gains a link.",
      ["db", "cache"],
      2,
      ["cache"],
    ),
    linksStep(
      "add-search",
      "Add a search index",
      "A search index joins. The links grow with stores times writers, and each one is a place where a write can go missing.",
      ["db", "cache", "search"],
      2,
      ["search"],
    ),
    linksStep(
      "add-writer",
      "Add a writer",
      "A third service starts writing too. Point-to-point sync grows as n × m: every new store or writer multiplies the wiring.",
      ["db", "cache", "search"],
      3,
      ["client-3"],
    ),
  ],
};
