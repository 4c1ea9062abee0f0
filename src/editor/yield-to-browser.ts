/** Gives the browser a turn (a frame, input) before what follows: the rest runs in a task of its own. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
