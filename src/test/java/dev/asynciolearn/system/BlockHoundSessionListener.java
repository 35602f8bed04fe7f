package dev.asynciolearn.system;

import reactor.blockhound.BlockHound;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs BlockHound before any test runs, so every event-loop thread of every test is
 * watched.
 */
public class BlockHoundSessionListener implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		BlockHound.install();
	}

}
