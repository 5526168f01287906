/** The app shell: page settings and the main layout with its navigation. */
package org.deeprounds.base.ui;
