let context: AudioContext | null = null;

/**
 * A soft two-note chime for a newsflash (screens that chose it). Made with Web Audio, so there
 * is no file to fetch; a browser that blocks sound without a tap simply stays silent.
 */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') {
      void context.resume().catch(() => undefined);
    }
    const start = context.currentTime;
    for (const [i, frequency] of [880, 1318.5].entries()) {
      const at = start + i * 0.18;
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      tone.connect(gain).connect(context.destination);
      tone.start(at);
      tone.stop(at + 0.65);
    }
  } catch {
    // No audio on this screen: the newsflash still shows.
  }
}
