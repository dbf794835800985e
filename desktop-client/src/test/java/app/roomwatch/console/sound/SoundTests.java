package app.roomwatch.console.sound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.Test;

class SoundTests {

    @Test
    void everyBundledSoundDecodesToPcmThatLastsLongEnoughToHear() throws Exception {
        for (Sound sound : Sound.values()) {
            try (AudioInputStream decoded = SampledSoundPlayer.decode(sound)) {
                AudioFormat format = decoded.getFormat();
                assertThat(format.getEncoding()).as(sound.name()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
                double seconds = decoded.getFrameLength() / format.getFrameRate();
                assertThat(seconds).as(sound.name()).isBetween(0.05, 3.0);
                byte[] samples = decoded.readAllBytes();
                assertThat(samples.length).as(sound.name()).isEqualTo(decoded.getFrameLength() * format.getFrameSize());
            }
        }
    }

    @Test
    void playingNeverFailsAndFallsBackWhenThereIsNoSoundDevice() {
        List<Sound> fallback = new ArrayList<>();
        SampledSoundPlayer player = new SampledSoundPlayer(fallback::add);

        // On a machine with a sound device this plays; without one (CI) the fallback is asked, once per sound.
        assertThatCode(() -> {
                    player.play(Sound.INFO);
                    player.play(Sound.URGENT);
                })
                .doesNotThrowAnyException();
        assertThat(fallback).isIn(List.of(), List.of(Sound.INFO, Sound.URGENT));
    }
}
